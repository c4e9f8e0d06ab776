#!/bin/sh
# Measures standards.Syllables against CMUdict, taken from the npm package
# cmu-pronouncing-dictionary (installed into a temporary directory; nothing
# is kept). With -update it also rewrites standards/syllable_table.go (the
# words the spelling rules miscount) and cmudict-sample.tsv.
#
#	sh standards/testdata/syllables/measure.sh [-update]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund cmu-pronouncing-dictionary@3.0.0 >/dev/null)
cp "$here/cmudict.mjs" "$tmp/"
(cd "$tmp" && node cmudict.mjs >cmudict.tsv)
if [ "${1:-}" = "-update" ]; then
	(cd "$pkg" && go test -count=1 -run 'TestSyllableTableGenerate$' . -args -syllables.cmudict="$tmp/cmudict.tsv" -syllables.update)
fi
echo "spelling rules alone:"
(cd "$pkg" && go test -count=1 -v -run 'TestSyllableRulesCMUdict$' . -args -syllables.cmudict="$tmp/cmudict.tsv" | grep 'rules alone' | sed 's/^ *[^ ]* /  /')
echo "Syllables (rules and exception table):"
(cd "$here" && go run measure.go "$tmp/cmudict.tsv")

#!/usr/bin/env bash
# Times `civickit check` against the npm package text-readability (the same
# four formulas: Flesch reading ease, Flesch-Kincaid grade, Coleman-Liau,
# ARI) on the same 1 MB file of council prose, one run each, side by side.
#
#   bash standards/testdata/bench/compare.sh        # the sample council's prose
#   bash standards/testdata/bench/compare.sh real   # the real council pages
#
# "real" builds the file from the plain-text real council pages of
# standards/testdata/real instead, repeated: a wider vocabulary, more
# labels, lists and short lines.
#
# Needs Go, Node.js and npm (text-readability is installed in a temporary
# folder). Prints wall seconds, peak memory and MB/s for each, and the ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1 MB of council prose: the sample council's minutes and consultation
# page, or the real pages.
src="$work/council.txt"
while [ "$(stat -c %s "$src" 2>/dev/null || echo 0)" -lt 1048576 ]; do
  if [ "${1:-}" = real ]; then
    for f in "$root"/standards/testdata/real/*.txt; do
      cat "$f" >>"$src"
      printf '\n\n' >>"$src"
    done
  else
    cat "$root/internal/sample/content/minutes.txt" "$root/internal/sample/content/consultation.md" >>"$src"
    printf '\n\n' >>"$src"
  fi
done
head -c 1048576 "$src" >"$work/1mb.txt"
size=$(stat -c %s "$work/1mb.txt")

(cd "$root" && go build -o "$work/civickit" ./cmd/civickit)
(cd "$work" && npm install --silent --no-audit --no-fund text-readability@1.1.1 >/dev/null 2>&1)
cp "$here/readability.mjs" "$work/"

timeit() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
  read -r secs kb <"$work/time"
  awk -v l="$label" -v s="$secs" -v k="$kb" -v b="$size" \
    'BEGIN { printf "%-34s %7.3f s  %7.1f MB/s  %6.1f MB peak\n", l, s, (s > 0 ? b / 1e6 / s : 0), k / 1024 }'
  echo "$secs" >"$work/$label.secs"
}

echo "input: $size bytes of council prose"
timeit civickit-check "$work/civickit" check --format json --fail-on never "$work/1mb.txt"
timeit text-readability node "$work/readability.mjs" "$work/1mb.txt"
awk -v a="$(cat "$work/text-readability.secs")" -v b="$(cat "$work/civickit-check.secs")" \
  'BEGIN { if (b > 0) printf "civickit check (full scorecard) is %.1fx the speed of text-readability (four formulas)\n", a / b }'

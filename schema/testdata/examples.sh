#!/usr/bin/env bash
# Rewrites the valid and invalid examples of the documents civickit writes,
# from the CLI's own output on small inputs. The hand-written examples of
# input-only documents (area, person, council, ...) are left alone.
# Run from anywhere: bash schema/testdata/examples.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
V=schema/testdata/valid
I=schema/testdata/invalid
ck=$(mktemp -d)/civickit
go build -o "$ck" ./cmd/civickit
t=$(mktemp -d)
printf 'id,kind,ward,label\ncllr-a,councillor,E05990001,Cllr A\ngrp-1,group,E05990001,Riverside Friends\ngrp-2,group,E05990001,Park Runners\nc1,citizen,E05990001,Jo Bloggs\n' >"$t/n.csv"
printf 'source,target,kind\ncllr-a,grp-1,member_of\ngrp-1,grp-2,follows\nc1,grp-2,follows\n' >"$t/e.csv"
S=internal/sample
D=civic/journey/testdata/library-decision.json
"$ck" network export --to json --nodes "$t/n.csv" "$t/e.csv" >$V/network.json
"$ck" network metrics --format json --nodes "$t/n.csv" "$t/e.csv" >$V/network-metrics.json
"$ck" network ward --format json --nodes "$t/n.csv" --ward E05990001 "$t/e.csv" >$V/ward.json
"$ck" journey show --format json $D >$V/journey-summary.json
"$ck" journey deadlines --meeting 2026-04-07 --decision-published 2026-04-09 --profile kirklees --format json >$V/deadlines.json
"$ck" check --format json --fail-on never $S/content/decision-notice.html >$V/scorecard.json
"$ck" check --format json --fail-on never $S/content/decision-notice.html $S/content/social-post.txt >$V/scorecards.json
"$ck" personas --format json $S/survey/survey69.csv >$V/persona-report.json
"$ck" pilots --format json $S/survey/pilots.csv >$V/pilot-report.json
"$ck" compose --format json --channels x,bluesky $D >$V/compose-result.json || true
db=$(mktemp -d)
C=audit/content/testdata
"$ck" content feed --db "$db" $C/feeds/news.rss >/dev/null
"$ck" content analytics --db "$db" --format ga4 $C/analytics/ga4.csv >/dev/null
"$ck" content report --db "$db" --format json >$V/content-report.json || true
for n in network network-metrics ward journey-summary deadlines scorecard scorecards persona-report pilot-report compose-result content-report; do
  python3 - "$V/$n.json" "$I/$n.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
o = d[0] if isinstance(d, list) else d
o["unexpected_field"] = True
with open(sys.argv[2], "w") as f:
    json.dump(d, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY
done
echo "examples rewritten; run go generate ./schema"

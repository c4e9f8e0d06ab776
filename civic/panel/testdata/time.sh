#!/bin/sh
# Times LEXIMIN on the 2,000-volunteer shape (6 features, a panel of 40)
# with public tools only: the whole "civickit panel select" process under
# /usr/bin/time -v, RUNS times (default 3), with the load average before
# each run. With BASE set to another civickit binary (say one built from
# main), the two run alternately, so that both see the same load.
#
#   civic/panel/testdata/time.sh
#   BASE=/tmp/civickit-main RUNS=5 civic/panel/testdata/time.sh
#
# Prints one line a run: label, wall seconds, CPU seconds (user and system,
# cbc included: what the wall time would be on free cores), peak RSS in KB
# and the 1-minute load average; then the median wall and CPU time of
# each binary. Needs Go, cbc (Debian package coinor-cbc) and GNU time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
RUNS=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/civickit" ./cmd/civickit)

run() { # LABEL BINARY
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$2" panel select --pool "$here/pool-2000-f6.csv" \
    --quotas "$here/pool-2000-f6-k40.yaml" --size 40 --seed 1 --format json \
    >"$work/out.json" 2>"$work/time.txt"
  awk -v label="$1" -v load="$load" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { cpu += $NF }
    /System time/ { cpu += $NF }
    /Maximum resident/ { rss = $NF }
    END { printf "%s %.2f %.2f %d %s\n", label, wall, cpu, rss, load }' "$work/time.txt" | tee -a "$work/times"
}

echo "label wall_s cpu_s peak_rss_kb load1"
i=0
while [ "$i" -lt "$RUNS" ]; do
  run branch "$work/civickit"
  if [ -n "${BASE:-}" ]; then run base "$BASE"; fi
  i=$((i + 1))
done
for label in branch base; do
  grep "^$label " "$work/times" >/dev/null 2>&1 || continue
  for col in 2 3; do
    grep "^$label " "$work/times" | awk -v c="$col" '{ print $c }' | sort -n |
      awk -v label="$label" -v c="$col" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s median %s %.2f s\n", label, (c == 2 ? "wall" : "cpu"), m }'
  done
done

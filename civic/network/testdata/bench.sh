#!/bin/sh
# Side-by-side speed checks with public tools only.
#
#   bench.sh        exact betweenness and Louvain on a 5,000-node
#                   Barabasi-Albert graph (m = 3, NetworkX seed 1) in civic,
#                   NetworkX, gonum and graphology;
#   bench.sh big    the whole "civickit network metrics" process on a
#                   100,000-node, 999,900-edge Barabasi-Albert graph (m = 10,
#                   NetworkX seed 1): Louvain alone (--metrics community)
#                   against graphology-communities-louvain's whole process,
#                   and every metric with --pivots 256. Each is run RUNS
#                   times (default 3), alternating, under /usr/bin/time -v;
#                   the median wall time and peak RSS are printed.
#
# Needs python3 with networkx (Debian's python3-networkx or pip), node and
# npm (graphology, graphology-metrics and graphology-communities-louvain are
# installed in $NODE_DIR, default /tmp/nb), Go, and for the small check the
# Go module proxy for gonum.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${WORK:-$(mktemp -d)}
NODE_DIR=${NODE_DIR:-/tmp/nb}
PYTHON=${PYTHON:-python3}
RUNS=${RUNS:-3}
if [ ! -d "$NODE_DIR/node_modules/graphology-communities-louvain" ] || [ ! -d "$NODE_DIR/node_modules/graphology-metrics" ]; then
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund graphology graphology-metrics graphology-communities-louvain >/dev/null)
fi
"$PYTHON" -c 'import networkx' 2>/dev/null || { echo "needs networkx for $PYTHON: apt-get install -y python3-networkx, or pip install networkx" >&2; exit 2; }

# ba N M FILE writes NetworkX's barabasi_albert_graph(N, M, seed=1) as a
# CSV edge list with a source,target header.
ba() {
  [ -s "$3" ] && return 0
  "$PYTHON" - "$1" "$2" "$3" <<'PY'
import sys, networkx as nx
n, m, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
g = nx.barabasi_albert_graph(n, m, seed=1)
with open(out, "w") as f:
    f.write("source,target\n")
    for a, b in g.edges():
        f.write(f"{a},{b}\n")
PY
}

# timed LABEL CMD... runs CMD under /usr/bin/time -v and appends
# "LABEL wall_seconds peak_rss_kb cpu_seconds" to $work/times, CPU being
# user plus system time: on a shared machine it says what the wall time
# would be with the cores free.
timed() {
  label=$1; shift
  /usr/bin/time -v "$@" >"$work/out.$label" 2>"$work/time.$label" || { cat "$work/time.$label" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.$label" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.$label")
  cpu=$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$work/time.$label" | awk '{ s += $1 } END { print s }')
  echo "$label $wall $rss $cpu" >>"$work/times"
  echo "  $label: wall $wall s, CPU $cpu s, peak RSS $rss KB, load $(cut -d' ' -f1 /proc/loadavg); $(grep -h -o 'Q=[0-9.]*\|"modularity": [0-9.]*' "$work/out.$label" "$work/time.$label" | head -1)"
}

median() { # label: the medians of its runs' wall time, CPU time and peak RSS
  col() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  runs=$(awk -v l="$1" '$1 == l' "$work/times" | wc -l)
  echo "$1: median of $runs: wall $(col "$1" 2) s, CPU $(col "$1" 4) s, peak RSS $(($(col "$1" 3) / 1024)) MB"
}

if [ "${1:-}" = big ]; then
  ba 100000 10 "$work/ba100k.csv"
  (cd "$root" && go build -o "$work/civickit" ./cmd/civickit)
  : >"$work/times"
  for i in $(seq "$RUNS"); do
    echo "== run $i"
    timed civickit-louvain "$work/civickit" network metrics --metrics community --format json "$work/ba100k.csv"
    (cd "$NODE_DIR" && NODE_PATH="$NODE_DIR/node_modules" timed graphology-louvain node "$here/bench/graphology-louvain.js" "$work/ba100k.csv")
    timed civickit-all-pivots-256 "$work/civickit" network metrics --pivots 256 --format csv "$work/ba100k.csv"
  done
  echo "== medians"
  for l in civickit-louvain graphology-louvain civickit-all-pivots-256; do median "$l"; done
  exit 0
fi

ba 5000 3 "$work/ba.csv"
(cd "$root" && go build -o "$work/civicbench" "$here/bench/civic/main.go")
mkdir -p "$work/gonum" && cp "$here/bench/gonum/main.go" "$work/gonum/main.go"
(cd "$work/gonum" && sed -i '/^\/\/go:build ignore/d' main.go && { [ -f go.mod ] || go mod init gonumbench >/dev/null 2>&1; } && go get gonum.org/v1/gonum@v0.16.0 >/dev/null 2>&1 && go build -o "$work/gonumbench" .)
t() { /usr/bin/time -f "  wall %e s, peak RSS %M KB" "$@"; }
echo "== civic";      t "$work/civicbench" "$work/ba.csv"
echo "== graphology"; (cd "$NODE_DIR" && NODE_PATH="$NODE_DIR/node_modules" t node "$here/bench/graphology.js" "$work/ba.csv")
echo "== gonum";      t "$work/gonumbench" "$work/ba.csv"
echo "== networkx";   t "$PYTHON" "$here/bench/nx.py" "$work/ba.csv"

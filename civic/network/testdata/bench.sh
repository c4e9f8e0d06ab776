#!/bin/sh
# Side-by-side speed check: exact betweenness and Louvain on a 5,000-node
# Barabasi-Albert graph (m = 3, NetworkX seed 1) in civic, NetworkX, gonum
# and graphology, each under /usr/bin/time -v. Needs python3-networkx
# (Debian), node with graphology, graphology-metrics and
# graphology-communities-louvain installed in $NODE_DIR (default /tmp/nb),
# and the Go module proxy for gonum.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${WORK:-$(mktemp -d)}
NODE_DIR=${NODE_DIR:-/tmp/nb}
if [ ! -d "$NODE_DIR/node_modules/graphology-communities-louvain" ]; then
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund graphology graphology-metrics graphology-communities-louvain >/dev/null)
fi
/usr/bin/python3 -c 'import networkx' 2>/dev/null || { echo "needs Debian's python3-networkx: apt-get install -y python3-networkx" >&2; exit 2; }
/usr/bin/python3 -c "import networkx as nx; nx.write_edgelist(nx.barabasi_albert_graph(5000, 3, seed=1), '$work/ba.csv', delimiter=',', data=False)"
sed -i '1i source,target' "$work/ba.csv"
(cd "$root" && go build -o "$work/civicbench" "$here/bench/civic/main.go")
mkdir -p "$work/gonum" && cp "$here/bench/gonum/main.go" "$work/gonum/main.go"
(cd "$work/gonum" && sed -i '/^\/\/go:build ignore/d' main.go && { [ -f go.mod ] || go mod init gonumbench >/dev/null 2>&1; } && go get gonum.org/v1/gonum@v0.16.0 >/dev/null 2>&1 && go build -o "$work/gonumbench" .)
t() { /usr/bin/time -f "  wall %e s, peak RSS %M KB" "$@"; }
echo "== civic";      t "$work/civicbench" "$work/ba.csv"
echo "== graphology"; (cd "$NODE_DIR" && NODE_PATH="$NODE_DIR/node_modules" t node "$here/bench/graphology.js" "$work/ba.csv")
echo "== gonum";      t "$work/gonumbench" "$work/ba.csv"
echo "== networkx";   t /usr/bin/python3 "$here/bench/nx.py" "$work/ba.csv"

// Times graphology-metrics betweenness and graphology-communities-louvain.
const fs = require('fs');
const Graph = require('graphology');
const betweenness = require('graphology-metrics/centrality/betweenness');
const louvain = require('graphology-communities-louvain');
const g = new Graph({type: 'undirected'});
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n').slice(1)) {
  if (!line) continue;
  const [a, b] = line.split(',');
  g.mergeEdge(a, b);
}
let t = process.hrtime.bigint();
betweenness(g);
console.log(`graphology betweenness ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(3)}s`);
t = process.hrtime.bigint();
const d = louvain.detailed(g, {rng: () => 0.5});
console.log(`graphology louvain ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(4)}s Q=${d.modularity.toFixed(4)}`);

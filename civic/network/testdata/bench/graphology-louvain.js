// Reads an edge list (header source,target) and runs graphology's Louvain
// once, as "civickit network metrics --metrics community" does for civic.
// Prints the time of Louvain alone and its modularity.
const fs = require('fs');
const Graph = require('graphology');
const louvain = require('graphology-communities-louvain');
const g = new Graph({type: 'undirected'});
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n').slice(1)) {
  if (!line) continue;
  const [a, b] = line.split(',');
  g.mergeEdge(a, b);
}
const t = process.hrtime.bigint();
const d = louvain.detailed(g, {rng: () => 0.5});
console.log(`graphology louvain ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(3)}s Q=${d.modularity.toFixed(4)} communities=${d.count}`);

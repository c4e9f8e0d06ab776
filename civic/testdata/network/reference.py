#!/usr/bin/python3
"""Writes the NetworkX reference values that civic's network tests check.

Run with Debian's python3-networkx (2.8.8 here):

    /usr/bin/python3 civic/testdata/network/reference.py

For each graph NetworkX ships (karate club, Davis southern women,
Florentine families, Les Miserables) and one seeded random digraph, it
writes NAME.edges.csv and NAME.nodes.csv (the input civic reads) and
NAME.ref.json (NetworkX's values; lesmis.graphml is NetworkX's own
GraphML of the same graph with its default normalisations).
Les Miserables keeps its edge weights, so its PageRank and Louvain are
weighted, as NetworkX's defaults are; the others are written unweighted.
"""
import csv
import json
import os

import networkx as nx
from networkx.algorithms import community

# Louvain iterates over sets of strings: fix the hash seed so reruns agree.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(__import__("sys").executable, [__import__("sys").executable] + __import__("sys").argv,
              dict(os.environ, PYTHONHASHSEED="0"))

HERE = os.path.dirname(os.path.abspath(__file__))


def graphs():
    k = nx.karate_club_graph()
    yield "karate", nx.Graph(list(k.edges())), False
    d = nx.davis_southern_women_graph()
    yield "davis", nx.Graph(d), False
    yield "florentine", nx.florentine_families_graph(), False
    yield "lesmis", nx.les_miserables_graph(), True
    yield "digraph", nx.gnp_random_graph(60, 0.06, seed=3, directed=True), False


def write(name, G, weighted):
    with open(os.path.join(HERE, name + ".nodes.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id"])
        for n in G.nodes():
            w.writerow([n])
    with open(os.path.join(HERE, name + ".edges.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"] + (["weight"] if weighted else []))
        for u, v, data in G.edges(data=True):
            w.writerow([u, v] + ([repr(float(data["weight"]))] if weighted else []))


def reference(G, weighted):
    wt = "weight" if weighted else None
    ref = {
        "directed": G.is_directed(),
        "nodes": [str(n) for n in G.nodes()],
        "degree": {str(n): d for n, d in G.degree()},
        "betweenness": nx.betweenness_centrality(G),
        "closeness": nx.closeness_centrality(G),
        "harmonic": nx.harmonic_centrality(G),
        "pagerank": nx.pagerank(G, alpha=0.85, weight=wt),
    }
    try:
        ref["eigenvector"] = nx.eigenvector_centrality(G)
    except nx.PowerIterationFailedConvergence:
        ref["eigenvector"] = None
    U = G.to_undirected() if G.is_directed() else G
    if not G.is_directed():
        ref["clustering"] = nx.clustering(G)
        ref["core"] = nx.core_number(G)
        ref["constraint"] = {n: (0.0 if v != v else v) for n, v in nx.constraint(G).items()}
        ref["effective_size"] = {n: (0.0 if v != v else v) for n, v in nx.effective_size(G).items()}
    ref["components"] = nx.number_connected_components(U)
    best = None
    for seed in range(10):
        parts = community.louvain_communities(U, weight=wt, seed=seed)
        q = community.modularity(U, parts, weight=wt)
        if best is None or q > best[0]:
            best = (q, parts)
    ref["louvain_modularity_best_of_10_seeds"] = best[0]
    ref["louvain_partition"] = [sorted(str(n) for n in c) for c in best[1]]
    ref = {k: ({str(n): x for n, x in v.items()} if isinstance(v, dict) else v) for k, v in ref.items()}
    return ref


def main():
    for name, G, weighted in graphs():
        write(name, G, weighted)
        if name == "lesmis":
            nx.write_graphml(G, os.path.join(HERE, name + ".graphml"))
        with open(os.path.join(HERE, name + ".ref.json"), "w") as f:
            json.dump(reference(G, weighted), f, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()

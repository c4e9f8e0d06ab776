#!/usr/bin/python3
"""Writes the NetworkX reference values that civic's network tests check.

Run with Debian's python3-networkx (2.8.8 here):

    /usr/bin/python3 civic/network/testdata/reference.py

For each graph NetworkX ships (karate club, Davis southern women,
Florentine families, Les Miserables) and three directed graphs, it
writes NAME.edges.csv and NAME.nodes.csv (the input civic reads) and
NAME.ref.json (NetworkX's values; lesmis.graphml is NetworkX's own
GraphML of the same graph with its default normalisations).

The directed graphs are a seeded random digraph (digraph), the karate
club with each tie given a seeded direction, a third of them both ways
(karate_directed), and a sparse seeded random digraph with reciprocal
ties, weights and isolated actors (wdigraph). On them every metric is
NetworkX's DiGraph one: directed clustering (Fagiolo 2007), core_number
on in- plus out-degree, weakly connected components, and Louvain with
directed modularity.

Les Miserables and wdigraph keep their edge weights, so their PageRank
and Louvain are weighted, as NetworkX's defaults are (every other
default here ignores weights); the others are written unweighted.
"""
import csv
import json
import os
import random

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
    yield "karate_directed", karate_directed(), False
    yield "wdigraph", weighted_digraph(), True


def karate_directed():
    """The karate club, each tie pointing a seeded way, a third both ways."""
    rng = random.Random(5)
    G = nx.DiGraph()
    G.add_nodes_from(range(34))
    for u, v in nx.karate_club_graph().edges():
        r = rng.random()
        if r < 1 / 3:
            G.add_edge(u, v)
            G.add_edge(v, u)
        elif r < 2 / 3:
            G.add_edge(u, v)
        else:
            G.add_edge(v, u)
    return G


def weighted_digraph():
    """A sparse seeded random digraph: weak components, isolated actors,
    dangling actors, reciprocal ties, and weights that differ each way."""
    rng = random.Random(11)
    G = nx.gnp_random_graph(50, 0.03, seed=11, directed=True)
    for u, v in list(G.edges()):
        if rng.random() < 0.3:
            G.add_edge(v, u)
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0, 4.25])
    return G


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
    ref["clustering"] = nx.clustering(G)
    ref["core"] = nx.core_number(G)
    if G.is_directed():
        # NetworkX leaves actors without out-ties undefined (NaN) on a
        # DiGraph; they are left out here, and isolated actors (NaN for
        # any graph) are written as 0, as civic defines them.
        def brokerage(d):
            return {n: (0.0 if v != v and G.degree(n) == 0 else v) for n, v in d.items()
                    if v == v or G.degree(n) == 0}
        ref["components"] = nx.number_weakly_connected_components(G)
    else:
        def brokerage(d):
            return {n: (0.0 if v != v else v) for n, v in d.items()}
        ref["components"] = nx.number_connected_components(G)
    ref["constraint"] = brokerage(nx.constraint(G))
    ref["effective_size"] = brokerage(nx.effective_size(G))
    best = None
    for seed in range(10):
        parts = community.louvain_communities(G, weight=wt, seed=seed)
        q = community.modularity(G, parts, weight=wt)
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

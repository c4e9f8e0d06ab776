#!/usr/bin/python3
"""Times NetworkX exact betweenness and Louvain on an edge list."""
import sys, time
import networkx as nx
from networkx.algorithms import community
G = nx.read_edgelist(sys.argv[1], delimiter=",", nodetype=int, comments="s")
t = time.time(); nx.betweenness_centrality(G); print("networkx betweenness %.3fs" % (time.time() - t))
t = time.time(); p = community.louvain_communities(G, seed=1)
print("networkx louvain %.4fs Q=%.4f" % (time.time() - t, community.modularity(G, p)))

#!/usr/bin/python3
"""Reference values for persona's k-means and silhouette tests.

Run with Debian's scikit-learn (apt-get install -y python3-sklearn):

    /usr/bin/python3 persona/testdata/sklearn_ref.py

It standardises the iris and wine data sets that ship inside scikit-learn
(StandardScaler: population standard deviation), writes them to
<name>_std.csv with 17 significant digits so Go reads the same float64
values, fits KMeans(n_clusters=3, n_init=10, random_state=0) and writes the
labels, inertia and silhouette_score of those labels to sklearn_ref.json,
with reach_rate: the share of random_state 0..99 for which scikit-learn
reaches that inertia or better.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, load_wine
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
out = {"sklearn_version": sklearn.__version__, "datasets": {}}
for name, loader in [("iris", load_iris), ("wine", load_wine)]:
    ds = loader()
    x = StandardScaler().fit_transform(ds.data)
    path = os.path.join(here, name + "_std.csv")
    with open(path, "w") as f:
        f.write(",".join(c.replace(" ", "_").replace("(", "").replace(")", "") for c in ds.feature_names) + "\n")
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    # Read back exactly what Go will read.
    x = np.loadtxt(path, delimiter=",", skiprows=1)
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
    out["datasets"][name] = {
        "k": 3,
        "labels": [int(v) for v in km.labels_],
        "inertia": float(km.inertia_),
        "n_iter": int(km.n_iter_),
        "silhouette": float(silhouette_score(x, km.labels_)),
        # How often scikit-learn itself, over random_state 0..99, reaches an
        # inertia no worse than the one above (relative 1e-9).
        "reach_rate": sum(
            KMeans(n_clusters=3, n_init=10, random_state=s).fit(x).inertia_
            <= km.inertia_ * (1 + 1e-9)
            for s in range(100)
        ) / 100,
    }
with open(os.path.join(here, "sklearn_ref.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")

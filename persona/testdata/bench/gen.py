#!/usr/bin/python3
"""Writes benchmark data: 200,000 rows x 40 features around 8 centres
(sklearn.datasets.make_blobs with the cluster_std given as the second
argument: 4 gives separated clusters, 12 overlapping ones that need many
Lloyd iterations), standardised, as raw little-endian float64 in row-major
order: bench.f64 in the directory given as the first argument."""
import sys

import numpy as np
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler

x, _ = make_blobs(n_samples=200_000, n_features=40, centers=8, cluster_std=float(sys.argv[2]), random_state=0)
x = StandardScaler().fit_transform(x)
np.ascontiguousarray(x, dtype="<f8").tofile(sys.argv[1] + "/bench.f64")

#!/usr/bin/python3
"""Times scikit-learn's KMeans(n_clusters=8, n_init=10) on bench.f64 (see
gen.py); run with OMP_NUM_THREADS=1 for one core. Prints CPU and wall
seconds and the inertia."""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

x = np.fromfile(sys.argv[1], dtype="<f8").reshape(-1, 40)
t, c = time.perf_counter(), time.process_time()
km = KMeans(n_clusters=8, n_init=10, random_state=0, algorithm="lloyd").fit(x)
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(f"scikit-learn fit cpu {cpu:.3f} s wall {wall:.3f} s inertia {km.inertia_:.6f} iterations {km.n_iter_}")

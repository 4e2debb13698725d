#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Peer baseline for bench/run.sh: scikit-learn's DBSCAN(eps=100, min_samples=10) on the shared
benchmark points (loaded once, outside the timing), median of REPEATS fits.

Usage: /usr/bin/python3 bench/sklearn_dbscan.py SHARED_DATA_DIR [REPEATS]
"""
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN

xy = np.loadtxt(f"{sys.argv[1]}/benchmarks/notts_inside_xy.csv", delimiter=",", skiprows=1)
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
times = []
for _ in range(repeats):
    start = time.perf_counter()
    labels = DBSCAN(eps=100, min_samples=10).fit(xy).labels_
    times.append(time.perf_counter() - start)
print(f"sklearn_{sklearn.__version__}_dbscan_median_s {statistics.median(times):.4f} clusters {labels.max() + 1}")

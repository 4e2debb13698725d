#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Saves scikit-learn's DBSCAN labels for the shared benchmark points, the reference that
tests/analyses/cluster/dbscan_test.cpp checks hotspot against.

Made with Debian 12's python3-sklearn (scikit-learn 1.2.1):
  /usr/bin/python3 tests/analyses/cluster/sklearn_dbscan.py \
      ../shared/data/benchmarks/notts_inside_xy.csv tests/analyses/cluster/sklearn_dbscan_eps100_min10.csv.gz
Output: one row per input point, in input order: label (-1 noise), core (1/0).
"""
import gzip
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN

xy = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
start = time.perf_counter()
model = DBSCAN(eps=100, min_samples=10).fit(xy)
seconds = time.perf_counter() - start
core = np.zeros(len(xy), dtype=int)
core[model.core_sample_indices_] = 1
with gzip.GzipFile(sys.argv[2], "wb", mtime=0) as f:
    f.write(b"label,core\n")
    f.write("".join(f"{l},{c}\n" for l, c in zip(model.labels_, core)).encode())
print(f"scikit-learn {sklearn.__version__}: {len(xy)} points, {model.labels_.max() + 1} clusters, "
      f"{core.sum()} core, {(model.labels_ == -1).sum()} noise, {seconds:.3f} s")

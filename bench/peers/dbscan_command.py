#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The scikit-learn peer of the whole `hotspot cluster --method dbscan` command (bench/peers.py):
load an x,y CSV, fit DBSCAN(eps, min_samples) on every core, write each point's label as CSV.

Usage: /usr/bin/python3 bench/peers/dbscan_command.py IN.csv OUT.csv [EPS] [MIN_SAMPLES]
"""
import sys

import numpy as np
from sklearn.cluster import DBSCAN

xy = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
eps = float(sys.argv[3]) if len(sys.argv) > 3 else 100.0
min_samples = int(sys.argv[4]) if len(sys.argv) > 4 else 10
labels = DBSCAN(eps=eps, min_samples=min_samples, n_jobs=-1).fit(xy).labels_
np.savetxt(sys.argv[2], labels, fmt="%d", header="cluster", comments="")

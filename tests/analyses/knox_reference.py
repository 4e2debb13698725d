#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""An independent Knox test (scipy's cKDTree for the pairs, numpy for the permutations) on a fixed
event set, kept beside tests/analyses/knox_test.cpp, which checks the engine against its output:
the observed pair counts exactly, the p-values within Monte Carlo error.

    python3 tests/analyses/knox_reference.py    # from the repository root; writes
        tests/data/knox_events.csv (x, y, day) and tests/data/knox_reference.csv

Events: 1,500 points in a 6 km square on a 5 m grid (so that distances fall exactly on band
breaks), days 0-179, a quarter of them repeats within 60 m and 0-5 days of an earlier event.
Bands as R's NearRepeat (cut, right = FALSE): [0,100), [100,200), [200,400) metres (Manhattan) and
[0,7), [7,14), [14,30) days; p = (1 + permutations >= observed) / (permutations + 1), 19,999
permutations of the days.
"""
import csv
import os

import numpy as np
from scipy.spatial import cKDTree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data")
DIST = [0, 100, 200, 400]
DAYS = [0, 7, 14, 30]
PERMUTATIONS = 19999


def events(rng, n=1500):
    x = np.empty(n)
    y = np.empty(n)
    day = np.empty(n, dtype=np.int64)
    for i in range(n):
        if i > 50 and rng.random() < 0.25:
            j = rng.integers(0, i)
            x[i] = x[j] + 5 * rng.integers(-12, 13)
            y[i] = y[j] + 5 * rng.integers(-12, 13)
            day[i] = min(179, day[j] + rng.integers(0, 6))
        else:
            x[i] = 450000 + 5 * rng.integers(0, 1200)
            y[i] = 355000 + 5 * rng.integers(0, 1200)
            day[i] = rng.integers(0, 180)
    return x, y, day


def table(i, j, band, day):
    apart = np.abs(day[i] - day[j])
    t = np.digitize(apart, DAYS, right=False) - 1  # [b_k, b_k+1)
    keep = (t >= 0) & (t < len(DAYS) - 1)
    out = np.zeros((len(DIST) - 1, len(DAYS) - 1), dtype=np.int64)
    np.add.at(out, (band[keep], t[keep]), 1)
    return out


def main():
    rng = np.random.default_rng(2002)
    x, y, day = events(rng)
    pairs = cKDTree(np.column_stack([x, y])).query_pairs(r=DIST[-1], p=1, output_type="ndarray")
    i, j = pairs[:, 0], pairs[:, 1]
    d = np.abs(x[i] - x[j]) + np.abs(y[i] - y[j])
    band = np.digitize(d, DIST, right=False) - 1
    keep = band < len(DIST) - 1
    i, j, band = i[keep], j[keep], band[keep]
    observed = table(i, j, band, day)
    sims = np.empty((PERMUTATIONS,) + observed.shape, dtype=np.int64)
    for r in range(PERMUTATIONS):
        sims[r] = table(i, j, band, rng.permutation(day))
    with open(os.path.join(DATA, "knox_events.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["x", "y", "day"])
        for a, b, c in zip(x, y, day):
            w.writerow([f"{a:.0f}", f"{b:.0f}", int(c)])
    with open(os.path.join(DATA, "knox_reference.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["distance_from", "distance_to", "days_from", "days_to", "observed", "expected", "p_value"])
        for s in range(len(DIST) - 1):
            for t in range(len(DAYS) - 1):
                obs = observed[s, t]
                p = (1 + np.sum(sims[:, s, t] >= obs)) / (PERMUTATIONS + 1)
                w.writerow([DIST[s], DIST[s + 1], DAYS[t], DAYS[t + 1], obs, f"{sims[:, s, t].mean():.4f}", f"{p:.6f}"])


if __name__ == "__main__":
    main()

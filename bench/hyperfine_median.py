#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the median, min and max of each command in a hyperfine JSON export, and each
command's ratio to the first one.

Usage: /usr/bin/python3 bench/hyperfine_median.py NAME FILE.json
"""
import json
import sys

results = json.load(open(sys.argv[2]))["results"]
base = results[0]["median"]
for r in results:
    print(f"{sys.argv[1]}: median {r['median']:.3f} s (min {r['min']:.3f}, max {r['max']:.3f}; "
          f"{len(r['times'])} runs; {r['median'] / base:.2f} x the first) {r['command'].split()[0]}")

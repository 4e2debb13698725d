#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes N messy addresses for the geocode benchmark: the 4,000 test-set addresses
(tests/places/address_testset.csv.gz) over and over, with another house number each time round.

Usage: /usr/bin/python3 bench/make_addresses.py OUT.csv [N]   (default N = 1,000,000)
"""
import csv
import gzip
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(gzip.open(os.path.join(here, "..", "tests", "places", "address_testset.csv.gz"), "rt")))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "address"])
    written, k = 0, 0
    while written < n:
        for r in rows:
            if written == n:
                break
            a = r["address"]
            if a[:1].isdigit():
                a = str(1 + (k * 7 + 3) % 250) + a[a.find(" "):]
            w.writerow([written + 1, a])
            written += 1
        k += 1

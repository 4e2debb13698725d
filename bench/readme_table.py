#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Rewrites the README's table between its peers-table marks from bench/peers.py's output.

Usage: /usr/bin/python3 bench/readme_table.py TABLE.md README.md COMMIT
"""
import re
import sys

table, readme, commit = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
text = open(readme).read()
block = (f"<!-- peers-table: bench/run.sh writes this table -->\n"
         f"At {commit}, five rounds taking turns after a warm-up (medians):\n\n{table}<!-- /peers-table -->")
new, n = re.subn(r"<!-- peers-table.*?<!-- /peers-table -->", lambda _: block, text, flags=re.S)
if n != 1:
    sys.exit(f"{readme}: no peers-table marks")
open(readme, "w").write(new)

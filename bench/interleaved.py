#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Times commands taking turns, so that each sees the same machine: round after round, every
command runs once (the first round is a warm-up and not counted). Prints each command's median,
min and max wall time and its ratio to the first command.

Usage: /usr/bin/python3 bench/interleaved.py NAME ROUNDS 'COMMAND 1' 'COMMAND 2' ...
Commands run through the shell with stdout and stderr discarded; a failure stops the script.
"""
import statistics
import subprocess
import sys
import time



def taking_turns(commands, rounds):
    """Each command's wall times over `rounds` rounds, after a warm-up round."""
    times = [[] for _ in commands]
    for r in range(rounds + 1):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r > 0:
                times[i].append(time.perf_counter() - start)
    return times


if __name__ == "__main__":
    name, rounds, commands = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    times = taking_turns(commands, rounds)
    base = statistics.median(times[0])
    for command, t in zip(commands, times):
        m = statistics.median(t)
        print(f"{name}: median {m:.3f} s (min {min(t):.3f}, max {max(t):.3f}; {len(t)} runs, taking turns; "
              f"{m / base:.2f} x the first) {command.split()[0]}")

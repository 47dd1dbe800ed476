#!/usr/bin/env python3
"""Run a command, report wall time, CPU time and peak resident memory of the child.

Usage: bench_run.py LABEL TEXT_MB -- COMMAND...
Prints one tab-separated line: label, wall_s, cpu_s, MB/s (TEXT_MB / wall), peak_rss_MB.
"""
import os
import subprocess
import sys
import time


def main():
    if "--" not in sys.argv or sys.argv.index("--") != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    label, text_mb, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[4:]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{label}: command failed with exit code {code}: {' '.join(cmd)}")
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{label}\t{wall:.3f}\t{cpu:.3f}\t{text_mb / wall:.1f}\t{usage.ru_maxrss / 1024:.1f}")


if __name__ == "__main__":
    main()

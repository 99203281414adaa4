"""Seconds to create the demo database in a fresh temporary file (median of 3 runs)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.demo import create_demo  # noqa: E402 - needs the repository on the path first

RUNS = 3


def time_create_demo() -> float:
    """Create the demo in a new temporary folder; return the seconds it took."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        create_demo(Path(folder) / "demo.dugout")
        return time.perf_counter() - start


def main() -> None:
    """Print the median time of a few demo creations."""
    times = [time_create_demo() for _ in range(RUNS)]
    print(f"create_demo: median {statistics.median(times):.3f} s over {RUNS} runs "
          f"(min {min(times):.3f}, max {max(times):.3f})")


if __name__ == "__main__":
    main()

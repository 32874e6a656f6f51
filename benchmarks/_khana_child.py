"""Runs ``khana`` exactly like its console script, and also prints where its clock started.

``reader.app`` takes ``time.perf_counter()`` first thing; printing that absolute value lets the
parent turn the ``--timings`` figures (relative to it) into times since the spawn, so interpreter
start-up counts for khana exactly as it does for the baselines.
"""

import sys

import reader.app

if __name__ == "__main__":
    print(f"started-at {reader.app._STARTED:.6f}", flush=True)
    sys.exit(reader.app.main(sys.argv[1:]))

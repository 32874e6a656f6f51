"""Baseline for ``ready``: hazm's own start-up in a fresh process (``import hazm; hazm.Normalizer()``)."""

import time

_STARTED = time.perf_counter()

import hazm  # noqa: E402

hazm.Normalizer()
_DONE = time.perf_counter()
print(f"ready {_DONE - _STARTED:.4f}")
print(f"ready-at {_DONE:.6f}")

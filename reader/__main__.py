"""``python -m reader``: the same as the ``khana`` command."""

from reader.app import run

run()

"""``python -m reader``: the same as the ``khana`` command."""

from reader.app import run

# Guarded: the analysis process is started with "spawn", which imports the main module again.
if __name__ == "__main__":
    run()

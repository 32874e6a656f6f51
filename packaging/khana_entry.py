"""Entry point of the frozen application (PyInstaller): the same ``main()`` as the ``khana`` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # ``khana annotate --jobs N`` starts worker processes; a frozen child must not run main() again.
    multiprocessing.freeze_support()
    from reader.app import main

    sys.exit(main())

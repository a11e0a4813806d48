"""Entry script of the frozen app (PyInstaller runs this file; ``coresat`` from pip runs gui.launch:main)."""

import multiprocessing
import sys

from gui.launch import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless something starts worker processes
    sys.exit(main())

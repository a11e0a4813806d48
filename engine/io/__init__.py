"""Reading what users bring: the number rule and the one safe way to open a user's file.

Every reader (scenario, price CSV, holdings CSV, broker statements) builds on these, so a file that is a
folder, a pipe, a web address or a compressed bomb, or a number written two ways, is refused the same way
everywhere, with one line saying what to change.
"""

from engine.io.errors import FileRefusedError, InputError, NumberError

__all__ = ["FileRefusedError", "InputError", "NumberError"]

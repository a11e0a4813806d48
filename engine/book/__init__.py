"""The advisor's client book: clients → households → accounts, model policies and proposals, in SQLite
(default, the user data folder) or PostgreSQL (a shared book), through SQLAlchemy Core."""

from engine.book.db import BookError
from engine.book.schema import AccountKind, ProposalStatus
from engine.book.store import Book

__all__ = ["AccountKind", "Book", "BookError", "ProposalStatus"]

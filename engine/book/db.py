"""Opening the client book: which database, its settings, schema migrations, errors, backup.

The book is SQLite by default (``book.sqlite`` in the user data folder; WAL journal, foreign keys on, a
5 s wait on a lock) and PostgreSQL for a firm whose advisors share one book, through the same code: the
connection is chosen by a URL (``--book URL`` or the ``CORESAT_BOOK_URL`` setting). ``postgresql://`` URLs
use psycopg 3, which only that option needs.

Driver errors never reach the user as tracebacks: :func:`translate` turns a locked, damaged or
unreachable database into a :class:`BookError` with one line saying what to do.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc

from engine import paths
from engine.book import schema
from engine.errors import CoresatError
from engine.io.safe_open import check_path

URL_ENV = "CORESAT_BOOK_URL"
BOOK_FILE = "book.sqlite"
BUSY_TIMEOUT_MS = 5000  # how long SQLite waits for another writer before saying the book is locked


class BookError(CoresatError):
    """The client book cannot do what was asked (missing client, bad state, locked or damaged file)."""


def default_url() -> str:
    """``CORESAT_BOOK_URL`` when set, else the SQLite book in the user data folder."""
    env = os.environ.get(URL_ENV, "").strip()
    return env or f"sqlite:///{paths.data_dir() / BOOK_FILE}"


def normalize_url(url: str) -> sa.URL:
    """A SQLAlchemy URL; a plain path means a SQLite file; ``postgresql://`` means psycopg 3."""
    text = url.strip()
    if "://" not in text:
        text = f"sqlite:///{Path(text).expanduser()}"
    try:
        u = sa.make_url(text)
    except exc.ArgumentError:
        raise BookError(
            f"{url!r} is not a database URL: give a file path, sqlite:///FILE or postgresql://…"
        ) from None
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise BookError(f"the client book works with SQLite or PostgreSQL, not {u.get_backend_name()}")
    return u


def describe(u: sa.URL) -> str:
    """The URL for messages, without a password."""
    if u.get_backend_name() == "sqlite":
        return str(u.database)
    return u.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def create_engine(url: str | None = None) -> sa.Engine:
    u = normalize_url(url or default_url())
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        import psycopg  # noqa: F401  (only the PostgreSQL option needs it)
    except ImportError:
        raise BookError(
            "a PostgreSQL book needs the psycopg package: pip install 'psycopg[binary]'"
        ) from None
    return sa.create_engine(u, pool_pre_ping=True)


def translate(err: exc.SQLAlchemyError, where: str) -> BookError:
    """One readable line for a database failure."""
    text = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    low = text.lower()
    if "locked" in low or "could not obtain lock" in low:
        return BookError(
            f"the client book {where} is locked by another program (another Coresat or a backup?); "
            "close it or try again in a moment"
        )
    if "not a database" in low or "malformed" in low or "file is encrypted" in low:
        return BookError(
            f"the client book {where} is damaged or not a Coresat book; restore it from a backup "
            "(coresat book backup FILE makes one) or point --book at another file"
        )
    if schema.IMMUTABLE_MESSAGE in low:
        return BookError(f"refused by the client book: {text}")
    if isinstance(err, exc.OperationalError | exc.InterfaceError):
        return BookError(f"cannot use the client book {where}: {text}")
    if isinstance(err, exc.IntegrityError):
        return BookError(f"the client book refused the change: {text}")
    return BookError(f"client book error ({where}): {text}")


@contextlib.contextmanager
def translated(where: str) -> Iterator[None]:
    try:
        yield
    except exc.SQLAlchemyError as err:
        raise translate(err, where) from None
    except sqlite3.DatabaseError as err:  # the raw backup API
        raise BookError(f"client book error ({where}): {err}") from None


# ------------------------------------------------------------------------------------------- migrations

Migration = Callable[[sa.Connection], None]

# version N → N+1; a fresh book is created at SCHEMA_VERSION directly (create_all + guards)
MIGRATIONS: dict[int, Migration] = {}


def current_version(conn: sa.Connection) -> int | None:
    """The book's schema version; None when the database has no Coresat tables yet."""
    if not sa.inspect(conn).has_table("schema_version"):
        return None
    v = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(v) if v is not None else None


def migrate(
    conn: sa.Connection,
    *,
    target: int = schema.SCHEMA_VERSION,
    steps: dict[int, Migration] | None = None,
) -> int:
    """Create or upgrade the schema to ``target`` inside ``conn``'s transaction; returns the version."""
    steps = MIGRATIONS if steps is None else steps
    version = current_version(conn)
    if version is None:
        if sa.inspect(conn).get_table_names():
            known = set(schema.metadata.tables)
            if not known & set(sa.inspect(conn).get_table_names()):
                raise BookError(
                    "this database holds other tables and no Coresat client book; use another one"
                )
        schema.metadata.create_all(conn)
        for stmt in schema.guard_statements(conn.dialect.name):
            conn.exec_driver_sql(stmt)
        conn.execute(sa.insert(schema.schema_version).values(version=target))
        return target
    if version > target:
        raise BookError(
            f"the client book was made by a newer Coresat (schema {version}, this one knows {target}); "
            "update Coresat"
        )
    while version < target:
        step = steps.get(version)
        if step is None:
            raise BookError(f"no migration from client book schema {version} to {version + 1}")
        step(conn)
        version += 1
        conn.execute(sa.insert(schema.schema_version).values(version=version))
    return version


# ----------------------------------------------------------------------------------------------- backup


def check_book_file(path: Path, *, given: bool) -> None:
    """A SQLite book must be a regular file (a folder, a pipe or a device is refused by name, before
    SQLite says "disk I/O error" or waits on a pipe); a book the user names must be in a folder that
    exists (only the default book's folder in the user data folder is created)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if given:
            check_path(path, "client book")  # FileRefusedError: its folder does not exist
        return
    except OSError as exc:
        raise BookError(f"cannot use the client book {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise BookError(f"{path} is a folder, not a client book file; give the book's file name")
    if not stat.S_ISREG(st.st_mode):
        raise BookError(f"{path} is not a saved file (a pipe or a device); give the client book's file")


def backup(engine: sa.Engine, dest: str | Path) -> Path:
    """Copy a SQLite book, consistently while it is in use, with SQLite's online backup API.

    The copy is written next to ``dest`` and renamed into place, so a failed backup leaves no half
    file. A PostgreSQL book is backed up with PostgreSQL's own tool (pg_dump)."""
    if engine.dialect.name != "sqlite":
        raise BookError(
            "a PostgreSQL book is backed up with pg_dump, e.g. pg_dump -Fc -f book.dump DATABASE_URL"
        )
    target = check_path(Path(dest).expanduser(), "backup file").resolve()  # its folder must exist
    if target.is_dir():
        raise BookError(f"{target} is a folder; give the backup file's name")
    if target.exists() and not target.is_file():
        raise BookError(f"{target} is not a regular file; give a new backup file's name")
    source = Path(str(engine.url.database)).resolve()
    if target == source:
        raise BookError("the backup must go to another file than the book itself")
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with translated(str(source)):
            raw = engine.raw_connection()
            try:
                src = raw.driver_connection
                assert isinstance(src, sqlite3.Connection)
                out = sqlite3.connect(tmp)
                try:
                    src.backup(out)
                    out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                finally:
                    out.close()
            finally:
                raw.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)
    return target

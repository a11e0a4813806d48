"""The advisor's client book: clients → households → accounts, model policies and proposals, in SQLite
(default, the user data folder) or PostgreSQL (a shared book), through SQLAlchemy Core.

store.py (Book), proposals.py, schema.py (tables), db.py (URL, migrations, errors, backup), parts.py
(a scenario split into policy and account parts). Kept import-free so the CLI starts fast.
"""

"""Bundled resources (demo data, example scenarios, icons, translations).

Read them only through :mod:`engine.resources` so frozen and source runs behave the same.
"""

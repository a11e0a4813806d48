"""Coresat engine: pure-Python domain model, market data, risk and optimizer (never imports Qt)."""

__version__ = "0.1.0"

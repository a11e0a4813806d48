"""Coresat desktop GUI (PySide6 + pyqtgraph) over the engine."""

"""Broker statement imports: one reader per layout, chosen by content; see ``detect.read_file``."""

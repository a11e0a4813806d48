"""The main window's panels; each receives the Workspace and subscribes to it."""

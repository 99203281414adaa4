"""Dugout's Qt desktop application (PySide6); talks to the database only through ``db``."""

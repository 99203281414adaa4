"""Importers that read squad lists and other files into the database (no Qt)."""

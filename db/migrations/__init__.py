"""Alembic migrations for Dugout's schema."""

# The newest revision, known without importing Alembic (the app's start checks it on every open).
# tests/test_migrations.py keeps it equal to Alembic's own head.
HEAD = "0006_match_reports"

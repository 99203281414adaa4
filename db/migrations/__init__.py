"""Alembic migrations for Dugout's schema."""

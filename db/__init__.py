"""Dugout's data layer: tables, sessions, migrations, queries and domain rules. Never imports Qt."""

"""Qt pieces every screen shares: formatting, names, roles, columns, editors, the form dialog,
the cached-rows table model and its filter, and the player card. No screen's folder is imported here."""

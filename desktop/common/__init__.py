"""Qt pieces every screen shares: formatting, names, roles, columns, editors, the form dialog,
the cached-rows table model and its filter, the player card, the pitch drawing and the printed team
sheet. No screen's folder is imported here."""

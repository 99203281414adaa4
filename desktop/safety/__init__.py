"""Data safety in the window: the backups list, the database check, the dialog for a file that
cannot be opened, and the backups taken at start and every 30 minutes of use."""

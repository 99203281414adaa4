"""The lineup screen: the pitch, the squad beside it, the checklist, the team sheet."""

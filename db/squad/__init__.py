"""The squad area: players and their squad memberships (shirt, contract, wage, leaving)."""

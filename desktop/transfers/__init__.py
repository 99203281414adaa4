"""The sporting director's screens: the shortlist (a table and a pipeline board, contract watch)
with the budget panel beside it, and the budget (charts, scenarios side by side)."""

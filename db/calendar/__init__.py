"""The calendar area: our club's fixtures (and, later, the rest of an imported league's matches)."""

"""The lineup area: formations, each fixture's lineup, its writes and what the screen and the team sheet read."""

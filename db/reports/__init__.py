"""The match report area: who played in one of our played matches, for how long, their goals,
cards and knocks; the season's appearances and minutes add up from it."""

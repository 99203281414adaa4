"""The injury board: who is out, doubtful, resting or on the way back; marking injuries, cards,
bans and absences; each player's history; and the depth the squad has left for the next match."""

"""Pure domain rules: plain Python over plain values; imports neither Qt nor a database session."""

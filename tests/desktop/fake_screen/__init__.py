"""A screen that exists only for tests: the registry must take it with one line."""

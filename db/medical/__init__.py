"""The medical area: injuries (and, later, the availability engine's other facts)."""

"""Reference data every area shares: clubs and their aliases, seasons, competitions, settings."""

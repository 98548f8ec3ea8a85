"""Sponsorship coverage: the watchlist of names a user follows, and the figures over the analysed library."""

"""Press Reader: read, search and quote sponsorship press coverage."""

__version__ = "0.1.0"

"""Base spiders: leaf spiders in ``crawler/spiders`` declare, these do the work."""

"""jobcrawl's exceptions: each message says what was wrong and what to do."""


class JobcrawlError(Exception):
    """Base class for errors jobcrawl reports to the user."""


class DatabaseUrlError(JobcrawlError):
    """``JOBCRAWL_DATABASE_URL`` (or ``--database``) is not a usable database URL."""


class DatabaseUnavailableError(JobcrawlError):
    """The database could not be reached after the configured retries."""


class ParseInputError(JobcrawlError):
    """A document handed to ``jobcrawl parse`` cannot be read."""

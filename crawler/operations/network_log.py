"""A server that is down, slow or cuts the connection is logged in one line per URL, without a
traceback: the failure is the server's state, not a fault of jobcrawl, and its Python stack (a dozen
frames of Twisted and Scrapy) tells the user nothing the exception's own text does not. Errors of
other kinds keep their traceback."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object

# Scrapy loggers that log a download failure with the exception attached.
FAILURE_LOGGERS = ("scrapy.core.scraper", "scrapy.downloadermiddlewares.robotstxt")


def network_exceptions(retry_exceptions: list) -> tuple[type[BaseException], ...]:
    """The exception classes named by ``RETRY_EXCEPTIONS`` (dotted paths or classes): those Scrapy
    itself treats as a transient network failure."""
    return tuple(load_object(entry) if isinstance(entry, str) else entry for entry in retry_exceptions)


def _causes(error: BaseException | None):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


class OneLineNetworkFailures(logging.Filter):
    """Drops the traceback of a record whose exception (or an exception it was raised from) is a
    network failure, and puts the exception's text at the end of the message when it is not there."""

    def __init__(self, kinds: tuple[type[BaseException], ...]):
        super().__init__()
        self.kinds = kinds

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        failure = next((cause for cause in _causes(error) if isinstance(cause, self.kinds)), None)
        if failure is None:
            return True
        message = record.getMessage()
        reason = str(failure) or type(failure).__name__
        record.msg = message if reason in message else f"{message}: {reason}"
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return True


class NetworkFailureLog:
    """Scrapy extension installing :class:`OneLineNetworkFailures` on the loggers that report
    download failures, for every way a crawl is started (``jobcrawl crawl``, ``scrapy crawl``,
    Scrapyd)."""

    def __init__(self, kinds: tuple[type[BaseException], ...]):
        for name in FAILURE_LOGGERS:
            logger = logging.getLogger(name)
            if not any(isinstance(existing, OneLineNetworkFailures) for existing in logger.filters):
                logger.addFilter(OneLineNetworkFailures(kinds))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetworkFailureLog:
        return cls(network_exceptions(crawler.settings.getlist("RETRY_EXCEPTIONS")))

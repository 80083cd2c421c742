"""Download failures of a server that is down, slow or cuts the connection: one line, no traceback."""

from __future__ import annotations

import logging
import sys

import pytest
from scrapy.exceptions import DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.settings import Settings
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefused

from crawler.operations.network_log import OneLineNetworkFailures, network_exceptions

KINDS = network_exceptions(Settings().getlist("RETRY_EXCEPTIONS"))


def record_of(message: str, args: dict | None, error: BaseException | None) -> logging.LogRecord:
    exc_info = None
    if error is not None:
        try:
            raise error
        except BaseException:
            exc_info = sys.exc_info()
    return logging.LogRecord("scrapy.core.scraper", logging.ERROR, __file__, 1, message, (args,) if args else None,
                             exc_info)


def refused_from_twisted() -> BaseException:
    try:
        try:
            raise TwistedConnectionRefused("111: Connection refused.")
        except TwistedConnectionRefused as low:
            raise DownloadConnectionRefusedError(str(low)) from low
    except DownloadConnectionRefusedError as high:
        return high


class WrapperError(RuntimeError):
    pass


def wrapped_timeout() -> BaseException:
    try:
        try:
            raise DownloadTimeoutError("Getting http://127.0.0.1:1/ took longer than 4.0 seconds.")
        except DownloadTimeoutError:
            raise WrapperError("engine")  # raised while handling: the timeout is its context
    except WrapperError as outer:
        return outer


@pytest.mark.parametrize(("message", "args", "error", "expected_message", "traceback_kept"), [
    # A refused connection: the reason follows the request, the stack goes.
    ("Error downloading %(request)s", {"request": "<GET http://127.0.0.1:9/>"}, refused_from_twisted(),
     "Error downloading <GET http://127.0.0.1:9/>: Connection was refused by other side: 111: Connection refused..",
     False),
    # A timeout found down the chain of causes is still a network failure.
    ("Error downloading %(request)s", {"request": "<GET http://127.0.0.1:1/>"}, wrapped_timeout(),
     "Error downloading <GET http://127.0.0.1:1/>: Getting http://127.0.0.1:1/ took longer than 4.0 seconds.",
     False),
    # The reason already in the message is not written twice.
    ("Error downloading <GET /x>: %(reason)s", {"reason": "took longer than 4.0 seconds."},
     DownloadTimeoutError("took longer than 4.0 seconds."), "Error downloading <GET /x>: took longer than 4.0 seconds.",
     False),
    # A bug is not a network failure: its traceback stays.
    ("Spider error processing %(request)s", {"request": "<GET /y>"}, KeyError("title"),
     "Spider error processing <GET /y>", True),
    # A record without an exception passes unchanged.
    ("Crawled %(count)d pages", {"count": 3}, None, "Crawled 3 pages", False),
])
def test_network_failures_lose_their_traceback_and_keep_their_reason(message, args, error, expected_message,
                                                                     traceback_kept):
    record = record_of(message, args, error)
    assert OneLineNetworkFailures(KINDS).filter(record) is True  # nothing is dropped, only shortened
    assert record.getMessage() == expected_message
    assert (record.exc_info is not None) is traceback_kept


def test_the_kinds_are_scrapys_retry_exceptions():
    assert DownloadTimeoutError in KINDS and DownloadConnectionRefusedError in KINDS
    assert KeyError not in KINDS

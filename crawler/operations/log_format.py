"""JSON-lines logs for log shippers: ``JOBCRAWL_LOG_JSON=1`` makes every record one JSON object."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import datetime, timezone

JSON_LOG_VARIABLE = "JOBCRAWL_LOG_JSON"
_TRUE_WORDS = {"1", "true", "yes", "on"}
# Record attributes that are not extras; Scrapy also attaches its Crawler object to records.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName", "crawler"}


def json_logs_wanted(value: object = None) -> bool:
    """True when JSON logs are asked for: by ``value`` (a setting), else by ``JOBCRAWL_LOG_JSON``."""
    if value is None or value == "":
        value = os.environ.get(JSON_LOG_VARIABLE, "")
    return str(value).strip().lower() in _TRUE_WORDS


class JsonLogFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, and extras.

    ``extra={...}`` fields of a record are kept as keys when JSON can hold them; a spider passed by
    Scrapy as ``extra={"spider": spider}`` becomes its name.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _STANDARD_ATTRIBUTES or key in entry:
                continue
            if key == "spider":
                value = getattr(value, "name", str(value))
            elif not isinstance(value, (str, int, float, bool, type(None), list, dict)):
                value = str(value)
            entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def use_json_logs(logger: logging.Logger | None = None) -> None:
    """Give every handler of ``logger`` (default: the root logger) the JSON formatter; add a
    stderr handler when it has none."""
    logger = logger or logging.getLogger()
    if not logger.handlers:
        logger.addHandler(logging.StreamHandler(sys.stderr))
    for handler in logger.handlers:
        if not isinstance(handler.formatter, JsonLogFormatter):
            handler.setFormatter(JsonLogFormatter())


def install_json_root_handler(level: str = "INFO") -> logging.Handler:
    """A stderr root handler writing JSON lines, installed before Scrapy logs anything: pass
    ``install_root_handler=False`` to ``CrawlerProcess`` so Scrapy keeps it."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter())
    handler.setLevel(getattr(logging, str(level).upper(), logging.INFO))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, handler.level))
    return handler


def configure_command_logging(level: str = "INFO", json_logs: bool | None = None) -> None:
    """Logging for jobcrawl's own long-running commands (``schedule``, ``run-due`` …)."""
    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO),
                        format="%(asctime)s [%(name)s] %(levelname)s: %(message)s", stream=sys.stderr)
    if json_logs if json_logs is not None else json_logs_wanted():
        use_json_logs()

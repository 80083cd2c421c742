"""Text every database takes: what PostgreSQL refuses is removed before a row is written.

PostgreSQL text and JSON columns cannot hold NUL (``\\x00``), and no UTF-8 column can hold a lone
surrogate (``\\ud800``, which Python strings decoded with ``surrogateescape`` may carry). A page
that holds them must cost its own row at most, never its batch: :func:`storable` cleans values
recursively (strings, lists, tuples, dict values and keys); bytes (raw pages, stored as
``bytea``/BLOB) are left alone.
"""

from __future__ import annotations

import re
from typing import Any

_REFUSED_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` without NUL bytes; lone surrogates become U+FFFD."""
    if not _REFUSED_CHARACTERS.search(text):
        return text
    return _REFUSED_CHARACTERS.sub(lambda match: "" if match.group(0) == "\x00" else "\ufffd", text)


_CONTAINERS = (dict, list, tuple)


def _flat_and_clean(item: dict) -> bool:
    """Whether ``item`` holds no refused character, for the shape of a posting: keys strings,
    values strings, values without text (numbers, dates, bytes, objects), or lists of strings
    and of flat dicts (``languages``); one search over its text joined. ``False`` for any other
    shape: the caller then walks it value by value. A posting is ~120 strings: walking each
    cost 0.4 ms an ad in the store."""
    parts = []
    for key, value in item.items():
        if type(key) is not str or type(value) is dict:
            return False
        parts.append(key)
        if type(value) is str:
            parts.append(value)
        elif type(value) in (list, tuple):
            try:
                parts.append("\x01".join(value))
            except TypeError:
                if not _flat_elements(value, parts):
                    return False
    return not _REFUSED_CHARACTERS.search("\x01".join(parts))


def _flat_elements(values: list | tuple, parts: list[str]) -> bool:
    """Add the text of ``values`` (strings, values without text, dicts of those) to ``parts``;
    ``False`` for any deeper shape."""
    for element in values:
        if type(element) is str:
            parts.append(element)
        elif type(element) is dict:
            for key, value in element.items():
                if type(key) is not str or type(value) in _CONTAINERS:
                    return False
                parts.append(key)
                if type(value) is str:
                    parts.append(value)
        elif type(element) in _CONTAINERS:
            return False
    return True


def storable(value: Any) -> Any:
    """``value`` with every string in it made storable (see :func:`storable_text`); a flat item
    with nothing to clean is returned as it is."""
    if isinstance(value, dict) and _flat_and_clean(value):
        return value
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, tuple):
        return tuple(storable(item) for item in value)
    return value


def is_connection_failure(error: BaseException) -> bool:
    """Whether a database error means the database is away (retry, spill), not that a row is bad."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, (OperationalError, InterfaceError)) or not isinstance(error, DBAPIError)


def write_isolating(write_batch, postings: list[dict[str, Any]], rejections: list[dict[str, Any]],
                    touches: list[dict[str, Any]], **options):
    """Call ``write_batch`` (one transaction) on the cleaned batch; if the database refuses the
    batch for its data, write each item in a transaction of its own, and record an item it
    refuses alone as a ``not storable`` rejection. Connection failures propagate (the caller
    retries or spills the whole batch)."""
    from sqlalchemy.exc import DBAPIError

    postings = [storable(posting) for posting in postings]
    rejections = [storable(rejection) for rejection in rejections]
    touches = [storable(touch) for touch in touches]
    try:
        # The store pops transport keys from the dicts: hand it copies, so a second try has them.
        return write_batch([dict(p) for p in postings], [dict(r) for r in rejections],
                           touches=touches, **options)
    except DBAPIError as error:
        if is_connection_failure(error):
            raise
    total = None
    for posting in postings:
        total = _add(total, _write_alone(write_batch, [posting], [], options))
    for rejection in rejections:
        total = _add(total, _write_alone(write_batch, [], [rejection], options))
    if touches:
        total = _add(total, write_batch([], [], touches=touches, **options))
    return total if total is not None else write_batch([], [], **options)


def _write_alone(write_batch, postings, rejections, options):
    from sqlalchemy.exc import DBAPIError

    try:
        return write_batch([dict(p) for p in postings], [dict(r) for r in rejections], **options)
    except DBAPIError as error:
        if is_connection_failure(error):
            raise
        item = (postings or rejections)[0]
        why = f"not storable: {type(error.orig or error).__name__}: {str(error.orig or error).splitlines()[0][:300]}"
        rejection = {"source": item.get("source") or "unknown", "url": item.get("url"), "reason": why[:1000],
                     "payload": None}
        result = write_batch([], [rejection], **options)
        result.isolated += 1
        return result


def _add(total, result):
    if total is None:
        return result
    for name, value in vars(result).items():
        setattr(total, name, getattr(total, name) + value)
    return total

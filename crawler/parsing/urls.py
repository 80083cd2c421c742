"""Canonical ad URLs: absolute, no fragment, no tracking parameters."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_PARAMETER_RE = re.compile(
    r"^(utm_\w+|gclid|gclsrc|dclid|fbclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|"
    r"trk|trkinfo|trackingid|refid|ref_src|src|source|campaign|cmp|wt_mc|wt\.mc_id|"
    r"sc_cid|piwik_\w+|pk_\w+|mtm_\w+|hsa_\w+|__hs\w+|_hsenc|_hsmi|oly_\w+|vero_\w+)$",
    re.IGNORECASE,
)


def canonical_url(url: str, base: str | None = None) -> str:
    """``url`` made absolute against ``base``, without fragment and tracking parameters.

    >>> canonical_url("/jobs/1?utm_source=x&id=7#apply", "https://example.de/a")
    'https://example.de/jobs/1?id=7'
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAMETER_RE.match(key)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(query, doseq=True), ""))

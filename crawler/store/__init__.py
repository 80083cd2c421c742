"""The store: batched writes of postings, sightings and rejections, and the matching that decides
which known job an incoming copy belongs to.

- :mod:`crawler.store.posting_store` — :class:`PostingStore`, one transaction per batch; matches new
  copies through :mod:`crawler.dedupe`.
- :mod:`crawler.store.candidates` — the known copies a batch may duplicate, found by index searches.
- :mod:`crawler.store.storable` — text every database takes, and one refused row never failing its batch.
- :mod:`crawler.store.spill` — the spill file: batches the database would not take, replayed later.

Imports go one way: ``crawler.store`` → ``crawler.dedupe`` → ``models`` (tables, engine and plain
persistence); ``models`` imports neither.
"""

"""The analyst layer: SQL views, the EUR rate table, exports and the HTML report.

- :mod:`crawler.analytics.views` — the SQL of the views (``current_postings``, ``posting_skills_v``,
  ``daily_postings``, ``salaries_yearly``) per dialect; migration 0003 creates them.
- :mod:`crawler.analytics.fx_rates` — the dated EUR rate table shipped in ``data/fx_rates.csv``.
- :mod:`crawler.analytics.columns` — every exported or viewed column: its type and meaning.
- :mod:`crawler.analytics.export_source`, :mod:`crawler.analytics.export_writers` — streamed
  exports (used by :mod:`crawler.export`).
- :mod:`crawler.analytics.report` — ``jobcrawl report``: one self-contained HTML page.
- :mod:`crawler.analytics.questions` — example analyst questions with their SQL.
"""

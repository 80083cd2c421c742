"""Cross-source deduplication: which copies of job ads are the same job."""

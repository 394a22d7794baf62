"""Where the dashboard's events live and how it asks about them: the ``EventStore`` interface
(pandas in memory, or DuckDB over Parquet), the filters, the running corpus and saved uploads."""

"""DuckDB: connections and the write lock, table DDL, per-article writes, the SQL model runner."""

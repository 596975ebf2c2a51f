"""The PostgreSQL backend (psycopg 3): `--db postgresql://user@host/dbname`."""

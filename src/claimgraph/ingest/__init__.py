"""Ingest: files and texts in, clean documents with metadata out."""

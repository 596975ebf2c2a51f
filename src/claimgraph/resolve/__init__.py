"""Resolve: mentions become entities, within and across documents."""

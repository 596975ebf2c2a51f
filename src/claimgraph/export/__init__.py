"""Exports: JSON Lines (the contract), CSV tables, GraphML."""

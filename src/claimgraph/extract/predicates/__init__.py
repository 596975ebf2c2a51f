"""Predicate rules, one module per family; each yields Found records for one sentence."""

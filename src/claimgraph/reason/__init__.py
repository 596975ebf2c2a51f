"""Reason: group claims across sources, find conflicts, grade what is known."""

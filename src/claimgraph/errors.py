"""Domain errors. Each message says what went wrong and what to do next."""


class ClaimgraphError(Exception):
    """Base class; the CLI prints `Error: <message>` and exits 1."""


class InputError(ClaimgraphError):
    """A file or text that cannot be ingested (empty, binary, too large, unreadable)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(ClaimgraphError):
    """The database is missing, locked, corrupt or from a newer claimgraph."""


class StoreBusy(StoreError):
    """Another process holds the database longer than we wait for it: retry later (HTTP 503)."""


class NotFound(ClaimgraphError):
    """An entity, document or judgement that is not in the store."""


class ModelError(ClaimgraphError):
    """The spaCy pipeline is missing or is not the one claimgraph was verified against."""

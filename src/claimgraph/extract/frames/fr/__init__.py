"""French: frames and words, read by the rules of `claimgraph.extract.ud` (docs/languages.md)."""

from claimgraph.extract.frames.fr import frames, lexicon  # noqa: F401  (each module registers itself)

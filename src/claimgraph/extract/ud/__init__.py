"""Claims from languages parsed with Universal Dependencies labels (Russian, French).

The same claim model as English: mentions, statements with their sources, frames of the
document's language from the frame registry, modality and claimants. Every word these rules
need comes from the language's `Lexicon` (`extract/frames/<language>/lexicon.py`); nothing here
names a word of any language. Entry point: `claimgraph.extract.ud.document.extract_ud`.
"""

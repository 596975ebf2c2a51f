"""NLP: the English spaCy pipeline, loaded and verified once."""

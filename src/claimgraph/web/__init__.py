"""Web: the FastAPI workspace (pages) and the JSON API."""

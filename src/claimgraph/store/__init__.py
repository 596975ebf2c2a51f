"""Store: the embedded database behind one interface."""

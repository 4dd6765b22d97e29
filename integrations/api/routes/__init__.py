"""Routes, one module per concern."""

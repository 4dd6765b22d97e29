"""Hostile input, data exposure through the API, and secrets in logs."""

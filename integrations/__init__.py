"""How people reach it: CLI, HTTP API and web page, Slack."""

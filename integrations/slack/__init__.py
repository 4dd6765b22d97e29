"""Slack (Bolt): answers in threads, DMs and a slash command, and triage for support staff."""

"""What we say: intents, conversation, answerers, the LLM boundary, triage."""

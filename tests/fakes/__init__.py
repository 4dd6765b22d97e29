"""Real, in-process fakes of external services (HTTP servers on loopback) shared by the tests."""

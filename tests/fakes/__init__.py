"""Test doubles with real network boundaries: fake HTTP servers and a scripted model."""

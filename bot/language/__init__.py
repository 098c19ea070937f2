"""The control language: step grammar, features, checker, assertions; imports knowledge and inputs only."""

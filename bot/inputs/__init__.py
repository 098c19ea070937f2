"""Requests and settings: intake, strict YAML, service names, config, files, safe log text, errors; imports no part."""

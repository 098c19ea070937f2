"""Requests and settings: request intake, strict YAML, service names, config, files, errors; imports no part."""

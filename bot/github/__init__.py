"""The GitHub side: events, API, review, commits, path safety; imports generation and below, never the CLI."""

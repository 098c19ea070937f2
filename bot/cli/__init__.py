"""Entry points: the `controlbot` command line, one module per subcommand; may import every other part."""

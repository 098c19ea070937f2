"""controlbot: security requirements in, checked and executable Gherkin controls out."""

__version__ = "0.1.0"

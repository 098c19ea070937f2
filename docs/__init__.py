"""Documentation helpers: the script that takes the README's screenshots."""

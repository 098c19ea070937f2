"""Running controls against AWS and their findings; imports language and below, never generation or GitHub."""

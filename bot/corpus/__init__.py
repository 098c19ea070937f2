"""The few-shot corpus of merged controls and the shipped catalogue; imports language and below."""

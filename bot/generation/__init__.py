"""Generation: pipeline, prompts, trace, evaluation; imports corpus and below, never GitHub or runner."""

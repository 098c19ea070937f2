"""Model providers behind one small interface (openai, bedrock); they see prompts only as text."""

"""The offline engine: analysis, plan and feature without a model, from retrieval and botocore."""

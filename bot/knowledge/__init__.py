"""Knowledge of the AWS API: botocore index, shapes, retrieval, vocabulary; imports inputs only."""

"""SageMaker Pipelines for this project: one sub-package per pipeline, plus the `run-pipeline` CLI."""

"""target-tracker's pipeline: ingest, warehouse, validation and the CLI (`python -m pipeline`)."""

"""Extractors: metadata, legal bases, signer and recipients, targets, tasks, areas, the reading's quality."""

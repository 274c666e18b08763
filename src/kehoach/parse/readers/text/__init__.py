"""Text files: decoding, web and PDF copies repaired, flattened tables rebuilt."""

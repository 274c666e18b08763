"""Vietnamese vocabulary and text tools every stage uses: folding keys, legacy encodings, time phrases."""

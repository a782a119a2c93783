"""Evaluation sets built from public material into a cache folder (never into git)."""

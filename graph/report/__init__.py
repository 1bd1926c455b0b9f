"""Reports: findings and assertions read back from the store, and report pages."""

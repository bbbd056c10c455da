"""The public site: published commitments, read-only, for anyone (README, "Public site")."""

"""Imports press releases from JSON Lines: parse and validate, sanitise, upsert."""

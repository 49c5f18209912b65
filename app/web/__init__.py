"""The web front end: one blueprint per area."""

"""Boards read back from their published data.json: schema, headline figures, portal, archive."""

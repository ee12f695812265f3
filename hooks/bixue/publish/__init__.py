"""Publish: put a finished site in place of the old one, or leave the old one untouched."""

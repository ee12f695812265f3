"""The MkDocs adapter: the only modules that import MkDocs."""

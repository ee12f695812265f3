"""Bixue: a campaign's data in, a board's pages and files out.

The pipeline, one folder a stage: load (read and check data/), figures (compute), pages and charts
(render), outputs (downloads, feeds, data.json, images), publish (put a built site in place).
Only mkdocs_adapter knows MkDocs.
"""

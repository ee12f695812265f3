"""Bixue: a campaign's data in, a board's pages and files out.

The pipeline, one folder a stage: load (read and check data/), figures (compute), pages and charts
(render), outputs (downloads, feeds, data.json, images), publish (put a built site in place).
Only adapter/ knows MkDocs.
"""

import os

# openpyxl switches its XML reader and writer to lxml when lxml is installed (python-docx brings
# it): the board's workbooks would differ in bytes by what else is installed, and the workbook
# checks (load/workbook_xml) were written against the standard library's parser.
os.environ.setdefault("OPENPYXL_LXML", "False")

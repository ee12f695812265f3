"""The 通报 rendered by LibreOffice: A4 pages, and every word of the document on them."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest

pytestmark = pytest.mark.browser

AS_OF = "2014-10-20"
PAGE_NUMBER = re.compile(r"—\d+—")


def words(text: str) -> str:
    """Text without spaces and hyphens: the PDF's text breaks lines and drops a hyphen at a
    line's end."""
    return "".join(text.split()).replace("-", "")


@pytest.fixture(scope="module")
def pdf(demo_site, tmp_path_factory):
    if shutil.which("soffice") is None:
        pytest.skip("soffice is missing (Debian package libreoffice-writer-nogui)")
    out = tmp_path_factory.mktemp("report-pdf")
    source = out / "report.docx"
    shutil.copy(demo_site / "downloads" / f"通报-{AS_OF}.docx", source)
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / "report.pdf", source


def test_every_page_is_a4(pdf):
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf[0])], capture_output=True, text=True
    ).stdout
    sizes = [line for line in info.splitlines() if line.startswith("Page") and "size" in line]
    assert len(sizes) >= 3
    assert all("(A4)" in line for line in sizes), sizes


def test_nothing_is_cut_off(pdf):
    # read in reading order, and (-raw) in the order drawn, which keeps a table cell's wrapped
    # lines together but may draw punctuation of another font apart
    # (a paragraph running onto the next page has that page's number in between: taken out)
    texts = [
        PAGE_NUMBER.sub(
            "",
            words(
                subprocess.run(
                    ["pdftotext", *mode, str(pdf[0]), "-"], capture_output=True, text=True
                ).stdout
            ),
        )
        for mode in ([], ["-raw"])
    ]
    document = docx.Document(pdf[1])
    shown = [p.text for p in document.paragraphs]
    shown += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    missing = [text for text in shown if not any(words(text) in pdf_text for pdf_text in texts)]
    assert missing == []


def test_page_numbers_run_in_order(pdf):
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf[0]), "-"], capture_output=True, text=True
    ).stdout
    numbers = [page.strip().splitlines()[-1] for page in pages.split("\f") if page.strip()]
    assert [words(number) for number in numbers] == [
        f"—{index}—" for index in range(1, len(numbers) + 1)
    ]

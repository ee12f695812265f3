"""Print: a case on one A4 page with its QR code; the ranking and the ledger on numbered A4."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_sharing import decode_qr

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/bixue-print")
"""Where the printed pages are kept as PNG, to be looked at."""


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is missing: apt-get install poppler-utils")
    return path


def print_pdf(page, url: str, name: str) -> Path:
    """The page as Chromium prints it on A4, saved as PDF under SHOTS."""
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px per inch
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    SHOTS.mkdir(exist_ok=True)
    for old in SHOTS.glob(f"{name}-p*.png"):
        old.unlink()
    pdf = SHOTS / f"{name}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    return pdf


def page_count(pdf: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def page_size_mm(pdf: Path):
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Page size:"))
    width, height = float(line.split()[2]), float(line.split()[4])
    return round(width * 25.4 / 72), round(height * 25.4 / 72)


def page_text(pdf: Path, number: int) -> str:
    args = [tool("pdftotext"), "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def page_png(pdf: Path, number: int, dpi: int = 110) -> Path:
    stem = pdf.with_name(f"{pdf.stem}-p{number}")
    args = [tool("pdftoppm"), "-png", "-singlefile", "-r", str(dpi), "-f", str(number)]
    subprocess.run([*args, "-l", str(number), str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def ink(png: Path) -> float:
    """Share of the page that is not white: a blank page is ~0."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        dark = sum(count for level, count in enumerate(grey.histogram()) if level < 200)
        return dark / (grey.width * grey.height)


def check_pages(pdf: Path) -> int:
    """Every page is A4, numbered 第 n 页 / 共 N 页, and none is blank; the first shows as-of."""
    pages = page_count(pdf)
    assert page_size_mm(pdf) == (210, 297)
    for number in range(1, pages + 1):
        # pdftotext drops the spaces of 第 1 页 / 共 3 页
        assert f"第{number}页/共{pages}页" in page_text(pdf, number).replace(" ", "")
        assert ink(page_png(pdf, number, dpi=40)) > 0.01, f"page {number} of {pdf.name} is blank"
    assert "数据截至" in page_text(pdf, 1)
    return pages


def test_a_case_prints_on_one_a4_page_with_its_qr_code(served_demo, page):
    for slug in ("energy-saving", "love-station", "toilet-revolution"):
        pdf = print_pdf(page, served_demo.url + f"exemplars/{slug}/", f"case-{slug}")
        assert check_pages(pdf) == 1, f"{slug} prints on more than one page"
        text = page_text(pdf, 1)
        assert "学习借鉴" in text and "搜索" not in text, "no navigation on paper"
        png = page_png(pdf, 1, dpi=150)
        assert decode_qr(png.read_bytes()) == [served_demo.url + f"exemplars/{slug}/"]


def test_the_ranking_prints_as_numbered_tables_with_charts_as_tables(served_demo, page):
    pdf = print_pdf(page, served_demo.url + "ranking/", "ranking")
    check_pages(pdf)
    hidden = page.eval_on_selector_all(
        ".bx-chart", "charts => charts.every(c => getComputedStyle(c).display === 'none')"
    )
    assert hidden
    tables = page.eval_on_selector_all(
        ".bx-chart-data table", "tables => tables.map(t => t.getBoundingClientRect().height)"
    )
    assert tables and all(height > 0 for height in tables), "every chart's table prints"


def test_the_ledger_prints_as_numbered_tables_that_fit_the_page(served_demo, page):
    pdf = print_pdf(page, served_demo.url + "rectification/", "ledger")
    pages = check_pages(pdf)
    assert pages > 1
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "a table is wider than the A4 page"


@pytest.mark.parametrize("url", ["activities/", "achievements/"])
def test_the_activity_log_and_honours_print_without_filters_and_fit(served_demo, page, url):
    pdf = print_pdf(page, served_demo.url + url, url.strip("/"))
    check_pages(pdf)
    assert page.locator(".bx-log-filter").evaluate("f => getComputedStyle(f).display") == "none"
    tables = page.eval_on_selector_all(
        ".bx-chart-data table", "tables => tables.map(t => t.getBoundingClientRect().height)"
    )
    assert tables and all(height > 0 for height in tables), "the chart prints as its table"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "a table is wider than the A4 page"

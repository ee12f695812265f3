"""Broken or hostile workbook XML: one Chinese error naming the workbook, never a traceback,
and no entity ever resolved."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import workbooks
from bixue.errors import DataErrors
from bixue.load import load_campaign
from conftest import load_errors, minimal_campaign
from hypothesis import given, settings
from hypothesis import strategies as st

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
BROKEN = "工作簿已损坏（压缩数据或 XML 不完整），无法读取"
SHEET = "xl/worksheets/sheet1.xml"
LEDGER = "data/rectifications/台账.xlsx"
BOMB = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def ledger_workbook(data: Path) -> Path:
    rows = [["编号", "单位", "问题", "状态"], ["Z-1", "north", "卫生间地面有积水。", "长期坚持"]]
    return workbooks.write(data / "rectifications" / "台账.xlsx", {"整改台账": rows})


def rewrite(path: Path, change) -> None:
    workbooks.rewrite_part(path, SHEET, change)


def with_prolog(prolog: str):
    """The sheet's XML behind `prolog` instead of its own declaration (openpyxl writes none)."""
    return lambda xml: prolog.encode() + xml[xml.index(b"<worksheet") :]


@pytest.mark.parametrize(
    "change",
    [
        with_prolog(BOMB),
        with_prolog('<?xml version="1.0"?><!DOCTYPE w SYSTEM "file:///etc/passwd">'),
        with_prolog('<?xml version="1.0"?><!-- x --><!DOCTYPE w [<!ENTITY e SYSTEM "http://x/">]>'),
        lambda xml: b"\xff\xfe" + with_prolog("<!DOCTYPE w>")(xml).decode().encode("utf-16-le"),
    ],
    ids=["entity-bomb", "external-dtd", "external-entity-after-comment", "utf-16-doctype"],
)
def test_a_doctype_is_refused_before_parsing(tmp_path, change):
    data = minimal_campaign(tmp_path)
    rewrite(ledger_workbook(data), change)
    (error,) = load_errors(data)
    assert (error.path, error.line) == (LEDGER, 0)
    assert "xl/worksheets/sheet1.xml 里有 DOCTYPE 声明" in error.message


@pytest.mark.parametrize(
    "change",
    [lambda xml: xml[: xml.index(b"<row") + 7], lambda xml: xml.replace(b"</sheetData>", b"")],
    ids=["cut-mid-tag", "unclosed-element"],
)
def test_a_sheet_cut_off_is_one_error(tmp_path, change):
    data = minimal_campaign(tmp_path)
    rewrite(ledger_workbook(data), change)
    (error,) = load_errors(data)
    assert (error.path, error.message) == (LEDGER, BROKEN)


def corrupt_stream(path: Path, at: int, byte: int) -> None:
    """Flip one byte inside the compressed data of the first sheet."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.orig_filename.encode()) + len(info.extra)
    raw[start + at % info.compress_size] ^= byte
    path.write_bytes(bytes(raw))


@settings(max_examples=25, deadline=None)
@given(at=st.integers(0, 10_000), byte=st.integers(1, 255))
def test_a_corrupt_compressed_stream_is_one_error_never_a_traceback(tmp_path_factory, at, byte):
    data = minimal_campaign(tmp_path_factory.mktemp("c"))
    path = ledger_workbook(data)
    corrupt_stream(path, at, byte)
    # A flip may still inflate to other XML, or fall in unused bits: then the sheet reads as
    # what it now says, or unchanged; only never a traceback, and only about this workbook.
    try:
        load_campaign(data)
    except DataErrors as caught:
        assert {error.path for error in caught.errors} == {LEDGER}


def test_the_valid_workbook_reads(tmp_path):
    data = minimal_campaign(tmp_path)
    rewrite(ledger_workbook(data), lambda xml: xml)
    items = load_campaign(data).ledger
    assert [item.id for item in items if item.id == "Z-1"] == ["Z-1"]


def test_a_stream_that_does_not_inflate_is_one_error(tmp_path):
    data = minimal_campaign(tmp_path)
    path = ledger_workbook(data)
    corrupt_stream(path, 0, 0b110)  # the first block's type becomes 3, which deflate never uses
    (error,) = load_errors(data)
    assert (error.path, error.message) == (LEDGER, BROKEN)

"""A small .xlsx writer for tables: each sheet's XML written as text, row by row.

openpyxl builds an object per cell and serialises it through an XML tree: 20,000 ledger items and a
pre-filled template per unit took most of a 500-unit build. The board's workbooks are plain tables
(a bold frozen header, column widths, wrapped text, dates, drop-down lists, a hidden list sheet),
so they are written here directly; openpyxl still reads them back in the tests and in the loader.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import sys
import zipfile
import zlib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Dict, Iterable, List, Sequence, Tuple
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter as column_letter

from ..session import build_session, disk_cache

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
EPOCH = datetime.date(1899, 12, 30)
"""Day 0 of Excel's date serials (1900 system, past its leap-year bug)."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry: dropped, so the file always opens."""
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Style:
    bold: bool = False
    wrap: bool = False
    top: bool = False
    center: bool = False
    number_format: str = ""


HEADER = Style(bold=True, wrap=True, center=True)


@dataclass(frozen=True)
class Validation:
    """A drop-down list on a range: `formula` is a range ('选项'!$A$2:$A$9) or "a,b"."""

    sqref: str
    formula: str
    error: str = ""
    show_error: bool = True


@dataclass
class Sheet:
    title: str
    rows: Iterable[Sequence] = ()
    """Values: None (no cell), str (always text, never a formula), int, float, date."""
    widths: Sequence[float] = ()
    styles: Sequence[Tuple[Style, Style]] = ()
    """Per column: (text and number style, date style) for the rows after the header."""
    header: bool = True
    """The first row is a bold, frozen header."""
    auto_filter: bool = False
    hidden: bool = False
    blank_formats: Dict[int, Tuple[str, int, int]] = field(default_factory=dict)
    """Column index → (number format, first row, last row) for empty cells set up for typing."""
    validations: Sequence[Validation] = ()
    kept: Dict[tuple, Tuple[str, int, tuple]] = field(default_factory=dict, repr=False)
    """Its XML by the styles known before it, for a sheet of fixed rows (a list or tuple) put
    in many workbooks: the 选项 sheet of every unit's template lists all 500 units."""


def _kept_rows():
    """Under `serve`: each row's XML by its number, styles and values (and their types: True is
    not 1), kept by the build session: an edit to one of 20,000 ledger items makes the whole
    ledger download again, row by row. Rows move on to a new build only in a build that makes a
    workbook: one whose workbooks are all reused (no edit) keeps the last rows for the next."""
    session = build_session.current()
    if session is None or not session.keeping:
        return None
    if not session.build.rows_moved:
        session.rows.start_build()
        session.build.rows_moved = True
    return session.rows


_SHEET_FIELDS = tuple(item.name for item in fields(Sheet) if item.name != "kept")


def workbook(sheets: Sequence[Sheet], title: str, stamp: datetime.datetime) -> bytes:
    """The .xlsx bytes, the same every time for the same sheets and stamp. Kept by the build
    session by a digest of the sheets, title and stamp: under `serve`, an edit to one data file
    leaves most of 500 units' templates and the ledger downloads as they were, and writing
    their XML was a sixth of a rebuild."""
    fixed = [
        sheet if isinstance(sheet.rows, (list, tuple)) else replace(sheet, rows=list(sheet.rows))
        for sheet in sheets
    ]  # an iterator is read once: the digest and the XML both read the rows
    digest = hashlib.sha256(repr((title, stamp)).encode("utf-8", "surrogatepass"))
    for sheet in fixed:
        parts = [getattr(sheet, name) for name in _SHEET_FIELDS]
        digest.update(repr(parts).encode("utf-8", "surrogatepass"))
    session = build_session.current()
    if session is None:
        return _workbook(fixed, title, stamp)
    key = digest.hexdigest()
    return session.workbooks.get(key, lambda: _on_disk(key, lambda: _workbook(fixed, title, stamp)))


DISK = "workbooks"
"""disk_cache's kind: 500 units' templates were written again at every `mkdocs build`."""


def _on_disk(digest: str, make) -> bytes:
    """The workbook a build before wrote from the same sheets with this very writer (its source,
    Python's and zlib's versions are part of the key), else `make()` kept for the next."""
    writer = f"{digest}\0{sys.version}\0{zlib.ZLIB_RUNTIME_VERSION}\0".encode()
    entry_key = disk_cache.key(DISK, writer + Path(__file__).read_bytes())
    kept = disk_cache.load(DISK, entry_key)
    if kept is not None and kept.get("key") == entry_key and isinstance(kept.get("xlsx"), bytes):
        return kept["xlsx"]
    content = make()
    disk_cache.store(DISK, entry_key, {"key": entry_key}, {"xlsx": content})
    return content


def _workbook(sheets: Sequence[Sheet], title: str, stamp: datetime.datetime) -> bytes:
    styles = _Styles()
    parts: List[Tuple[str, str]] = []
    filters: List[str] = []
    for number, sheet in enumerate(sheets, start=1):
        xml, last = _sheet_xml_kept(sheet, styles)
        parts.append((f"xl/worksheets/sheet{number}.xml", xml))
        if sheet.auto_filter and last:
            ref = f"{_quoted(sheet.title)}!$A$1:${column_letter(len(sheet.widths))}${last}"
            filters.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number - 1}" '
                f'hidden="1">{escape(ref)}</definedName>'
            )
    parts += [
        ("[Content_Types].xml", _content_types(len(sheets))),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/app.xml", _APP),
        ("docProps/core.xml", _core(title, stamp)),
        ("xl/workbook.xml", _workbook_xml(sheets, filters)),
        ("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets))),
        ("xl/styles.xml", styles.xml()),
    ]
    fixed = stamp.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(parts, key=lambda part: _ORDER.get(part[0], 9)):
            info = zipfile.ZipInfo(name, date_time=fixed)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


_ORDER = MappingProxyType({"[Content_Types].xml": 0, "_rels/.rels": 1})


def _sheet_xml_kept(sheet: Sheet, styles: _Styles) -> Tuple[str, int]:
    if not isinstance(sheet.rows, (list, tuple)):
        return _sheet_xml(sheet, styles)  # an iterator is read once
    before = styles.state()
    if before not in sheet.kept:
        xml, last = _sheet_xml(sheet, styles)
        sheet.kept[before] = (xml, last, styles.state())
    xml, last, after = sheet.kept[before]
    styles.restore(after)
    return xml, last


def _sheet_xml(sheet: Sheet, styles: _Styles) -> Tuple[str, int]:
    """The worksheet XML and its last row number."""
    out = [f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">']
    if sheet.header:
        out.append(
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
            'activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        )
    if sheet.widths:
        cols = "".join(
            f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
            for index, width in enumerate(sheet.widths, start=1)
        )
        out.append(f"<cols>{cols}</cols>")
    out.append("<sheetData>")
    header_style = styles.index(HEADER)
    plain = styles.index(Style())
    row_styles = [(styles.index(text), styles.index(date)) for text, date in sheet.styles]
    letters = [column_letter(index) for index in range(1, max(len(sheet.widths), 26) + 1)]
    rows = _kept_rows()
    shape = (sheet.header, header_style, plain, tuple(row_styles))
    last = 0
    for last, values in enumerate(sheet.rows, start=1):
        styled = header_style if sheet.header and last == 1 else None

        def row(number=last, values=values, styled=styled) -> str:
            cells = []
            for index, value in enumerate(values):
                if value is None:
                    continue
                if styled is not None:
                    style = styled
                elif index < len(row_styles):
                    style = row_styles[index][isinstance(value, datetime.date)]
                else:
                    style = plain
                letter = letters[index] if index < len(letters) else column_letter(index + 1)
                cells.append(_cell(f"{letter}{number}", value, style))
            return f'<row r="{number}">{"".join(cells)}</row>'

        key = _row_key(rows, last, shape, values)
        out.append(rows.get(key, row) if key else row())
    last = _blank_rows(sheet, styles, out, last)
    out.append("</sheetData>")
    if sheet.auto_filter and last:
        out.append(f'<autoFilter ref="A1:{column_letter(len(sheet.widths))}{last}"/>')
    if sheet.validations:
        out.append(f'<dataValidations count="{len(sheet.validations)}">')
        out += [_validation(v) for v in sheet.validations]
        out.append("</dataValidations>")
    out.append(
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
    )
    out.append("</worksheet>")
    return "".join(out), last


def _row_key(rows, number: int, shape: tuple, values) -> tuple:
    """What a row's XML is made of, or () when rows are not kept (or a value is unhashable)."""
    if rows is None:
        return ()
    key = (number, shape, tuple(values), tuple(map(type, values)))
    try:
        hash(key)
    except TypeError:
        return ()
    return key


def _blank_rows(sheet: Sheet, styles: _Styles, out: List[str], last: int) -> int:
    """Empty cells with a number format (dates, text) below the data, for whoever fills it in."""
    if not sheet.blank_formats:
        return last
    end = max(stop for _fmt, _start, stop in sheet.blank_formats.values())
    columns = sorted(
        (index, styles.index(Style(number_format=fmt)), start, stop)
        for index, (fmt, start, stop) in sheet.blank_formats.items()
    )
    first = max(last + 1, min(start for _index, _style, start, _stop in columns))
    shapes: Dict[tuple, str] = {}
    for row in range(first, end + 1):
        shown = tuple(
            i for i, (_index, _style, start, stop) in enumerate(columns) if start <= row <= stop
        )
        if shown not in shapes:  # one row's cells as a pattern, filled in with each row number
            shapes[shown] = "".join(
                f'<c r="{column_letter(columns[i][0] + 1)}%(row)d" s="{columns[i][1]}"/>'
                for i in shown
            )
        out.append(f'<row r="{row}">{shapes[shown] % {"row": row}}</row>')
    return max(last, end)


def _cell(ref: str, value, style: int) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    if isinstance(value, datetime.datetime):
        serial = (value - datetime.datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}" s="{style}"><v>{serial!r}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="{style}"><v>{(value - EPOCH).days}</v></c>'
    text = escape(_NOT_XML.sub("", str(value)))
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _validation(validation: Validation) -> str:
    error = f" error={quoteattr(validation.error)}" if validation.error else ""
    shown = ' showErrorMessage="1"' if validation.show_error else ""
    return (
        f'<dataValidation type="list" allowBlank="1"{shown}{error} sqref="{validation.sqref}">'
        f"<formula1>{escape(validation.formula)}</formula1></dataValidation>"
    )


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


class _Styles:
    """Cell formats in the order first asked for; index 0 is the default."""

    def __init__(self) -> None:
        self.found: Dict[Style, int] = {Style(): 0}
        self.formats: Dict[str, int] = {}

    def index(self, style: Style) -> int:
        if style not in self.found:
            self.found[style] = len(self.found)
        return self.found[style]

    def state(self) -> tuple:
        return tuple(self.found), tuple(self.formats)

    def restore(self, state: tuple) -> None:
        found, formats = state
        self.found = {style: index for index, style in enumerate(found)}
        self.formats = {code: 164 + index for index, code in enumerate(formats)}

    def format_id(self, number_format: str) -> int:
        if not number_format:
            return 0
        if number_format == TEXT_FORMAT:
            return 49
        return self.formats.setdefault(number_format, 164 + len(self.formats))

    def xml(self) -> str:
        xfs = [self._xf(style) for style in self.found]
        formats = "".join(
            f'<numFmt numFmtId="{number}" formatCode={quoteattr(code)}/>'
            for code, number in self.formats.items()
        )
        return (
            f'<styleSheet xmlns="{_MAIN}">'
            + (f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if formats else "")
            + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )

    def _xf(self, style: Style) -> str:
        number = self.format_id(style.number_format)
        attributes = f'numFmtId="{number}" fontId="{int(style.bold)}" fillId="0" borderId="0"'
        attributes += ' xfId="0"'
        if number:
            attributes += ' applyNumberFormat="1"'
        if style.bold:
            attributes += ' applyFont="1"'
        alignment = ""
        if style.wrap or style.top or style.center:
            attributes += ' applyAlignment="1"'
            vertical = ' vertical="top"' if style.top else ' vertical="center"' * style.center
            wrap = ' wrapText="1"' if style.wrap else ""
            alignment = f"<alignment{vertical}{wrap}/>"
        return f"<xf {attributes}>{alignment}</xf>" if alignment else f"<xf {attributes}/>"


def _workbook_xml(sheets: Sequence[Sheet], filters: List[str]) -> str:
    entries = "".join(
        f'<sheet name={quoteattr(sheet.title)} sheetId="{number}"'
        + (' state="hidden"' if sheet.hidden else "")
        + f' r:id="rId{number}"/>'
        for number, sheet in enumerate(sheets, start=1)
    )
    names = f"<definedNames>{''.join(filters)}</definedNames>" if filters else ""
    return (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/>'
        f'</bookViews><sheets>{entries}</sheets>{names}<calcPr calcId="124519"/></workbook>'
    )


def _workbook_rels(count: int) -> str:
    worksheet = f"{_REL}/worksheet"
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{worksheet}" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    styles = f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    return f'<Relationships xmlns="{_PKG_REL}">{rels}{styles}</Relationships>'


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SML}.worksheet+xml"/>'
        for n in range(1, count + 1)
    )
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )


def _core(title: str, stamp: datetime.datetime) -> str:
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(_NOT_XML.sub('', title))}</dc:title><dc:creator>Bixue</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Bixue</Application></Properties>"
)


def cell_styles(wrapped: Sequence[bool]) -> List[Tuple[Style, Style]]:
    """Data-row styles per column: top-aligned, text wrapped where asked, dates as 2014-06-30."""
    return [
        (Style(top=True, wrap=wrap), Style(top=True, number_format=DATE_FORMAT)) for wrap in wrapped
    ]


def table(title: str, headers: Sequence[str], widths: Sequence[float], rows, **options) -> Sheet:
    """A bold frozen header over `rows`, every text cell wrapped and top-aligned."""
    styles = cell_styles([True] * len(headers))
    return Sheet(title, rows=[list(headers), *rows], widths=widths, styles=styles, **options)


def note_sheet(lines: Sequence[Sequence], widths: Sequence[float] = (14, 80)) -> Sheet:
    """A 说明 sheet (the loader skips it): the first column bold, the second wrapped."""
    styles = [
        (Style(bold=True), Style(bold=True, number_format=DATE_FORMAT)),
        (Style(wrap=True, top=True), Style(top=True, number_format=DATE_FORMAT)),
    ]
    return Sheet("说明", rows=lines, widths=widths, styles=styles, header=False)

"""Strict YAML 1.2-style reading on PyYAML: values with their line numbers, errors collected."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, List, Optional, Tuple

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, StreamEndEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without LibYAML: the pure-Python reading, slower
    CParser = None

from ..errors import DataError
from . import guards
from .slips import FULL_WIDTH_KEY, syntax_slip, with_colon

# The line breaks PyYAML counts, so our line numbers agree with its marks.
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# Possessive, " *" not "[ \t]*", and only from the start of a run of blanks: linear, even searched.
TAB_INDENT = re.compile(r"(?<![ \t]) *+\t[ \t]*+\S")
COMMENT_VALUE = re.compile(r"(?::|^\s*-)\s+(#.*)$")
"""`problem: #3组…`: the value starts with # and YAML read it as a comment."""
YAML_TAG = "tag:yaml.org,2002:"


class Invalid:
    """A value already reported as an error: later checks skip it instead of reporting it again."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


class TooDeep(yaml.YAMLError):
    """Nesting deeper than guards.MAX_DEPTH: stops the reading before Python's recursion does."""

    def __init__(self, line: int) -> None:
        self.line = line


@dataclass(frozen=True, eq=False)
class Node:
    """A value read from YAML and the line it was written on (a mapping entry: its key's line)."""

    value: Any
    """str (or NotADate), int, float, bool, None, date, INVALID, dict[str, Node], list[Node]."""
    line: int
    text: str = ""
    """A scalar as written, e.g. `0571` or `12:30`."""


class StrictResolver(BaseResolver):
    """Only YAML 1.2 core forms: no yes/no/on/off booleans, no octal, no base 60."""


for _tag, _pattern, _first in (
    ("null", r"~|null|", ["~", "n", ""]),
    ("bool", r"true|false", ["t", "f"]),
    ("int", r"[-+]?(?:0|[1-9][0-9]*)", list("-+0123456789")),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?",
        list("-+0123456789."),
    ),
    ("timestamp", r"[0-9]{4}-[0-9]{2}-[0-9]{2}", list("0123456789")),
):
    StrictResolver.add_implicit_resolver(YAML_TAG + _tag, re.compile(rf"(?:{_pattern})\Z"), _first)


class StrictLoader(Reader, Scanner, Parser, Composer, StrictResolver):
    """Composes nodes, rejects aliases, anchors and tags, then turns nodes into `Node`s."""

    def __init__(self, text: str, path: str, first_line: int) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self.start(text, path, first_line)

    def start(self, text: str, path: str, first_line: int) -> None:
        Composer.__init__(self)
        StrictResolver.__init__(self)
        self.text = text
        self.lines: Optional[List[str]] = None
        """The text's lines, split when an empty value's comment is first looked for."""
        self.path = path
        self.first_line = first_line
        self.errors: List[DataError] = []
        self.rejected: dict = {}
        self.depth = 0

    def error(self, line: int, field: str, message: str, hint: str = "") -> None:
        self.errors.append(DataError(self.path, line, field, message, hint))

    def line_of(self, mark: Any) -> int:
        return mark.line + self.first_line

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self.get_event()
            node = ScalarNode(YAML_TAG + "str", "", event.start_mark, event.end_mark)
            self.rejected[id(node)] = f"不能使用别名 *{event.anchor}，请把内容直接写出来"
            return node
        problem = rejection(event)
        event.anchor = None  # never stored, so a repeated anchor cannot stop the reading
        self.depth += 1
        if self.depth > guards.MAX_DEPTH:
            raise TooDeep(self.line_of(event.start_mark))
        node = super().compose_node(parent, index)
        self.depth -= 1
        if problem:
            self.rejected[id(node)] = problem
        return node

    def read_single(self) -> Optional[Node]:
        """The file's one document, or None (and an error) when it is empty or not alone."""
        self.get_event()
        if self.check_event(StreamEndEvent):
            return self.empty()
        root = self.compose_document()
        if not self.check_event(StreamEndEvent):
            # Which document was meant is unknown: like a syntax error, it stops the file.
            line = self.line_of(self.peek_event().start_mark)
            self.error(line, "", "一个文件只能有一个文档", "删掉多余的 --- 分隔线")
            return None
        # `~` or `null` alone is as empty as nothing: no file is made of "no value".
        if isinstance(root, ScalarNode) and root.tag == YAML_TAG + "null":
            return self.empty()
        return self.convert(root, self.line_of(root.start_mark), "")

    def empty(self) -> None:
        self.error(self.first_line, "", "内容是空的")
        return None

    def convert(self, node: Any, line: int, field: str) -> Node:
        if id(node) in self.rejected:
            self.error(self.line_of(node.start_mark), field, self.rejected[id(node)])
            return Node(INVALID, line)
        if isinstance(node, MappingNode):
            return Node(self.mapping(node, field), line)
        if isinstance(node, SequenceNode):
            items = [
                self.convert(item, self.line_of(item.start_mark), field) for item in node.value
            ]
            return Node(items, line)
        value = self.scalar(node, field)
        if value is None and not node.value:
            comment = self.comment_after(node.start_mark)
            if comment[1:2].strip():
                # `#3组…` (no space after #) was meant as the value, whatever the key: say so.
                shown = comment if len(comment) <= 24 else comment[:23] + "…"
                hint = f"要写 # 就给整个值加上引号：{field}: '{shown}'" if field else "给值加上引号"
                self.error(line, field, "值以 # 开头，被当作了注释，读到的是空值", hint)
                return Node(INVALID, line)
            return Node(None, line, comment)
        return Node(value, line, node.value)

    def comment_after(self, mark: Any) -> str:
        """The comment an empty value's line ends in: `#3组…` was probably meant as the value."""
        if self.lines is None:
            self.lines = LINE_BREAK.split(self.text)
        lines = self.lines
        found = COMMENT_VALUE.search(lines[mark.line]) if mark.line < len(lines) else None
        return found.group(1) if found else ""

    def mapping(self, node: MappingNode, field: str) -> dict:
        entries: dict = {}
        for key_node, value_node in node.value:
            line = self.line_of(key_node.start_mark)
            if id(key_node) in self.rejected or not isinstance(key_node, ScalarNode):
                self.error(line, field, self.rejected.get(id(key_node), "键必须是一个简单的名字"))
            elif key_node.value in entries:
                first = entries[key_node.value].line
                self.error(line, key_node.value, f"重复的键（第 {first} 行已经有了）")
            else:
                entries[key_node.value] = self.convert(value_node, line, key_node.value)
        return entries

    def scalar(self, node: ScalarNode, field: str) -> Any:
        kind, text = node.tag[len(YAML_TAG) :], node.value
        if kind == "timestamp":
            return self.iso_date(text, self.line_of(node.start_mark), field)
        converters = {"null": lambda _: None, "bool": "true".__eq__, "int": whole, "float": float}
        return converters.get(kind, str)(text)

    def iso_date(self, text: str, line: int, field: str) -> Any:
        try:
            return date.fromisoformat(text)
        except ValueError:
            # Only where a date is needed is it wrong (fields.a_date): in a text field, such as
            # an id `2014-09-31`, it is the text as written.
            return NotADate(text)


class NotADate(str):
    """Text written like a date that does not exist: `2014-02-30`."""


def whole(text: str) -> Any:
    """An integer; one too long to be any campaign's figure is infinite (and refused as a number
    where one is needed): Python will not even read one of more than 4,300 digits."""
    if len(text.lstrip("+-")) > 100:
        return float("-inf") if text.startswith("-") else float("inf")
    return int(text)


if CParser is not None:

    class FastLoader(CParser, StrictLoader):
        """StrictLoader on LibYAML's events: the same nodes and checks, the scanning in C."""

        def __init__(self, text: str, path: str, first_line: int) -> None:
            CParser.__init__(self, text)
            self.start(text, path, first_line)

        def read_composed_in_c(self, bound: int) -> Optional[Node]:
            """The document composed by LibYAML too, for text with no anchor, alias, tag or
            flow collection to refuse node by node (load_document). None when the reading
            must be ours (an empty file, more than one document, nesting past the limit).
            `bound` is the most levels the text's indentation allows (depth_bound): within
            the limit, the levels are not counted again."""
            root = self.get_single_node()  # LibYAML's composer, in C
            if root is None or bound > guards.MAX_DEPTH and nesting(root) > guards.MAX_DEPTH:
                return None
            if isinstance(root, ScalarNode) and root.tag == YAML_TAG + "null":
                return None
            return self.convert(root, self.line_of(root.start_mark), "")


_SPECIAL = re.compile(r"[&*!\[{]")
"""Anchors, aliases, tags and flow collections: text with any of them is composed node by node."""
_LINE_PREFIX = re.compile(r"^[ ?:-]*", re.M)
C_DEPTH = 200
"""Nesting LibYAML's recursive composer is given at most (bounded from the lines' indentation)."""


def depth_bound(text: str) -> int:
    """The most levels of nesting block YAML (no flow collections) can have in `text`: a block
    level takes a column of indentation or a `- ` (so at most two per column)."""
    return 2 * (max(map(len, _LINE_PREFIX.findall(text)), default=0) + 1)


def nesting(root: Any) -> int:
    """Levels of collections in a composed document (as StrictLoader.compose_node counts them)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
        elif isinstance(node, MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
    return deepest


def load_document(text: str, path: str, first_line: int) -> StrictLoader:
    """A loader that has read `text`. LibYAML's error messages and offsets differ from
    PyYAML's, and it takes a tab inside a plain value: on any refusal, and for text with a tab
    or a control character, the pure-Python loader reads, so errors read the same."""
    if CParser is not None and "\t" not in text and not Reader.NON_PRINTABLE.search(text):
        bound = depth_bound(text)
        # Nothing our composer refuses node by node, nesting too shallow to strain C's stack.
        if not _SPECIAL.search(text) and bound <= C_DEPTH:
            loader = FastLoader(text, path, first_line)
            try:
                loader.root = loader.read_composed_in_c(bound)
                if loader.root is not None:
                    return loader
            except yaml.YAMLError:
                pass
        loader = FastLoader(text, path, first_line)
        try:
            loader.root = loader.read_single()
            return loader
        except yaml.YAMLError:
            pass
    loader = StrictLoader(text, path, first_line)
    loader.root = loader.read_single()
    return loader


def rejection(event: Any) -> str:
    """Why a node's event is refused: anchors and tags are not part of our YAML."""
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = tag.replace(YAML_TAG, "!!")
        return f"不能使用标签 {shown}，只写值本身"
    if getattr(event, "anchor", None) is not None:
        return f"不能使用锚点 &{event.anchor}，请把内容直接写出来"
    return ""


BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
"""Byte-order marks (UTF-32 first: its little-endian mark starts like UTF-16's)."""


def decode(raw: bytes, path: str) -> Tuple[Optional[str], List[DataError]]:
    """UTF-8 text without its BOM, or an error naming the first undecodable line."""
    raw = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "用 UTF-8 编码另存这个文件，如记事本：另存为 → 编码选 UTF-8"
        return None, [DataError(path, line, "", encoding_problem(raw), hint)]


def encoding_problem(raw: bytes) -> str:
    """What a file that is not UTF-8 is, when it can be told: a BOM, or text GBK decodes."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return f"文件是 {name} 编码，不是 UTF-8"
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:
        return "文件不是 UTF-8 编码"
    return "文件是 GBK 编码，不是 UTF-8"


def tab_errors(text: str, path: str, first_line: int) -> List[DataError]:
    lines = LINE_BREAK.split(text)
    hint = "YAML 只能用空格缩进"
    return [
        DataError(path, number, "", "这一行用 Tab 缩进", hint)
        for number, line in enumerate(lines, first_line)
        if TAB_INDENT.match(line)
    ]


MAX_FIXES = 20
"""Full-width colons read as colons in one file; past these, the first syntax error stands."""


def parse_yaml(
    text: str, path: str, first_line: int = 1, fixes: int = MAX_FIXES
) -> Tuple[Optional[Node], List[DataError]]:
    """Read one YAML document; `first_line` is the line `text` starts on in its file.

    A full-width colon after a key is reported, then read as the colon it was meant to be, so
    the file's other errors are reported too (up to `fixes` such lines)."""
    invisible = guards.forbidden_characters(LINE_BREAK.split(text), path, first_line)
    text = guards.without_forbidden(text) if invisible else text
    errors = invisible + tab_errors(text, path, first_line)
    try:
        loader = load_document(text, path, first_line)
    except TooDeep as exc:
        hint = f"最多 {guards.MAX_DEPTH} 层；检查括号是否配对"
        return None, [*errors, DataError(path, exc.line, "", "嵌套的层数太多", hint)]
    except yaml.YAMLError as exc:
        # A tab in the indentation makes PyYAML's own message misleading: ours says it better.
        if errors:
            return None, errors
        error = syntax_error(exc, text, path, first_line)
        fixed = without_slip(text, error.line - first_line) if fixes else None
        if fixed is None:
            return None, [error]
        root, others = parse_yaml(fixed, path, first_line, fixes - 1)
        return root, sorted([error, *others], key=lambda found: found.line)
    root = loader.root
    # A forbidden character in a value after reading came from an escape in double quotes, which
    # takes a backslash: text without one is not walked again (20,000 items: a second).
    escaped = guards.escaped_in(root, path) if "\\" in text and not invisible else []
    errors += loader.errors + escaped
    return root, sorted(errors, key=lambda error: error.line)


def without_slip(text: str, index: int) -> Optional[str]:
    """The text with a full-width colon after a key on line `index` made a colon, or None
    when that line holds no such slip."""
    lines = text.split("\n")  # LINE_BREAK's other breaks would be lost by a join
    if not 0 <= index < len(lines) or not FULL_WIDTH_KEY.match(lines[index]):
        return None
    lines[index] = with_colon(lines[index])
    return "\n".join(lines)


def syntax_error(exc: yaml.YAMLError, text: str, path: str, first_line: int) -> DataError:
    mark = getattr(exc, "problem_mark", None)
    slip = mark and named_slip(exc, text, path, first_line)
    if slip:
        return slip
    if mark is not None and "'\\t'" in str(exc.problem):
        hint = "把 Tab 换成空格，或者给这个值加上引号"
        return DataError(path, mark.line + first_line, "", "这一行有 Tab 字符", hint)
    if mark is not None:
        problem = f"YAML 格式错误：{exc.problem}"
        hint = "检查这一行和上一行的缩进、冒号、引号和括号"
        return DataError(path, mark.line + first_line, "", problem, hint)
    position = getattr(exc, "position", 0)
    line = len(LINE_BREAK.findall(text[:position])) + first_line
    code = getattr(exc, "character", 0)
    return DataError(path, line, "", f"文件里有不允许的控制字符 U+{code:04X}", "删掉它")


def named_slip(exc: yaml.YAMLError, text: str, path: str, first_line: int) -> Optional[DataError]:
    """A syntax error a known slip caused (full-width colon, `: ` in text), on the slip's line."""
    lines = LINE_BREAK.split(text)
    start = getattr(exc, "context_mark", None) or exc.problem_mark
    for number in range(start.line, min(exc.problem_mark.line, len(lines) - 1) + 1):
        message = syntax_slip(lines[number], str(exc.problem))
        if message:
            hint = "给整段文字加上引号，或去掉冒号后的空格" if "文字里" in message else ""
            return DataError(path, number + first_line, "", message, hint)
    return None


def read_yaml(file: Path, path: str) -> Tuple[Optional[Node], List[DataError]]:
    """Read a whole YAML file; `path` is how errors name it."""
    text, errors = decode(file.read_bytes(), path)
    if text is None:
        return None, errors
    return parse_yaml(text, path)

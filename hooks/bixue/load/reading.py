"""The state of one load (folders, known unit ids, every error so far), which files it reads, and
where records were."""

from __future__ import annotations

import hashlib
import operator
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from .. import model
from ..errors import DataError
from ..session.cache import Cache
from .datafiles import folder_problem, present, read_data_file
from .yaml_pieces import read_in_pieces
from .yamlfile import Node, decode


def read_yaml_cached(
    parsed: Cache, raw: bytes, path: str, pieces: Optional[Cache] = None
) -> Tuple[Optional[Node], List[DataError]]:
    """What a YAML file reads as: taken from the last load (`parsed`) when its bytes and path
    are the same (`mkdocs serve` rebuilds on every edit). A Node is never changed once read.
    A file that is one list and changed is read again only in the items whose text changed
    (yaml_pieces; `pieces`, each file's items by their text, by its path)."""
    last = pieces.get(path, dict) if pieces is not None else {}

    def read() -> Tuple[Optional[Node], List[DataError]]:
        text, errors = decode(raw, path)
        if text is None:
            return None, errors
        root, found, now = read_in_pieces(text, path, last)
        if pieces is not None:
            pieces.put(path, now)
        return root, errors + found

    return by_bytes(parsed, path, raw, read)


def by_bytes(readings: Cache, path: str, raw: bytes, read: Callable[[], Any]) -> Any:
    """`read()`, or what it gave for the same path and bytes in the last load."""
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    return readings.get(f"{path}\0{digest}", read)


@dataclass
class Kept:
    """What a load takes from the last one: a build session's caches (BuildSession has these
    six); a new Kept keeps nothing from before."""

    parsed: Cache = field(default_factory=Cache)
    """Each YAML file's reading, by its path and bytes."""
    stories: Cache = field(default_factory=Cache)
    """Each case or notice file's reading, by its path and bytes."""
    documents: Cache = field(default_factory=Cache)
    """Cases and notices by the node of their front matter (load.stories)."""
    pieces: Cache = field(default_factory=Cache)
    """The items of each YAML file that is one list, by their text (yaml_pieces), by its path."""
    items: Cache = field(default_factory=Cache)
    """Ledger items by their node (load.ledger)."""
    indicators: Cache = field(default_factory=Cache)
    """Indicators by their node (load.scores)."""


@dataclass
class Reading:
    """State shared by every file of one load: folders, known unit ids, and all errors so far."""

    data_dir: Path
    project_dir: Path
    errors: List[DataError] = field(default_factory=list)
    unit_ids: Optional[Tuple[str, ...]] = None
    """In units.yml order; None while units.yml is unread or unreadable (no reference checks)."""
    invalid_ids: Tuple[str, ...] = ()
    """Unit ids units.yml reports as badly written: their uses are not reported again."""
    unit_labels: Dict[str, str] = field(default_factory=dict)
    """Unit id -> name."""
    unit_groups: Dict[str, str] = field(default_factory=dict)
    """Unit id -> its group ("" for none), in units.yml order."""
    unit_ways: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
    """Every way a unit may be named (id, name, short name) -> the ids it names (load.unitref)."""
    units: Tuple[model.Unit, ...] = ()
    """The units read, for workbooks that name a unit by its name or short name."""
    made_ids: List[Tuple[str, str, str, str]] = field(default_factory=list)
    """(where, kind, name, id) of every id made from a name (load.made), for check.sh."""
    completions: List[Tuple[Any, DataError]] = field(default_factory=list)
    """(date, where) of each completion date that must not be after the as-of day (load.asof)."""
    units_key: Optional[Tuple[tuple, str, int]] = None
    """(the values units_against read, its text, how many ways a unit was named then): made
    again only when one of them is replaced or a way is added."""
    kept: Any = field(default_factory=Kept)
    """What this load may take from the last (Kept, or a build session)."""
    as_of: Optional[date] = None
    """campaign.yml's as_of once read: counts dated after it are slips (load.project_targets)."""
    units_where: str = "units.yml"
    """Where the units are written, as errors about an unknown unit name it."""
    campaign_book: Any = None
    """data/campaign.xlsx once opened (load.campaign_xlsx), False when there is none."""

    def relative(self, file: Path) -> str:
        return Path(os.path.relpath(file, self.project_dir)).as_posix()

    def source(self, file: Path) -> Source:
        return Source(self, self.relative(file), file)

    def file_error(self, file: Path, message: str, hint: str = "") -> None:
        """An error about a whole file (line 0)."""
        self.errors.append(DataError(self.relative(file), 0, "", message, hint))

    def data_bytes(self, file: Path) -> Optional[bytes]:
        """The bytes of a data file, or None once why not is reported (a folder, a link…)."""
        raw, problem = read_data_file(self.data_dir, file)
        if problem:
            self.file_error(file, *problem)
        return raw

    def data_folder(self, name: str) -> Optional[Path]:
        """A folder of data files, or None when there is none (or why not is reported)."""
        folder = self.data_dir / name
        problem = folder_problem(self.data_dir, folder)
        if problem:
            self.file_error(folder, *problem)
        return folder if folder.is_dir() and not problem else None

    def read(self, file: Path) -> Tuple[Source, Optional[Node]]:
        """Read one YAML file; its reading errors join the others."""
        source = self.source(file)
        raw = self.data_bytes(file)
        if raw is None:
            return source, None
        root, errors = read_yaml_cached(self.kept.parsed, raw, source.path, self.kept.pieces)
        self.errors.extend(errors)
        return source, root


@dataclass
class Source:
    """One data file being checked."""

    reading: Reading
    path: str
    """Relative to the project root, posix."""
    file: Path

    def error(self, line: int, field_name: str, message: str, hint: str = "") -> None:
        self.reading.errors.append(DataError(self.path, line, field_name, message, hint))

    def where(self, line: int) -> str:
        """A place in this file as an error names it: `data/units.yml:12`."""
        return f"{self.path}:{line}"

    def status_shown(self, status: str) -> str:
        """A status as messages about this file show it: `todo（未启动）`."""
        return f"{status}（{model.STATUS_NAMES[status]}）"

    def status_word(self, status: str) -> str:
        """A status as hints about this file name it: `done`."""
        return status

    def term(self, key: str) -> str:
        """A field as hints about this file name it: `completed`."""
        return key


def origin(source: Source, node: Node, **extra: int) -> model.Origin:
    lines = (
        {key: child.line for key, child in node.value.items()}
        if isinstance(node.value, dict)
        else {}
    )
    return model.Origin(source.path, node.line, {**lines, **extra})


def note_unique(
    source: Source, seen: Dict[str, str], value: Optional[str], node: Node, name: str
) -> None:
    """Report `value` if `seen` has it; `seen` maps value -> where it was first written."""
    if value is None:
        return
    if value in seen:
        source.error(node.line, name, f"'{value}' 重复了：{seen[value]} 已经用过")
        return
    seen[value] = source.where(node.line)


def units_against(reading: Reading) -> str:
    """What a reference to a unit is read against: the ids, the ids units.yml reports as badly
    written, and every way a unit may be named (a name resolves to an id through these)."""
    ways = reading.unit_ways
    held = (reading.unit_ids, reading.invalid_ids, ways)
    last = reading.units_key
    same = last is not None and all(map(operator.is_, last[0], held)) and last[2] == len(ways)
    if not same:
        text = repr((reading.unit_ids, reading.invalid_ids, tuple(ways.items())))
        reading.units_key = last = (held, text, len(ways))
    return last[1]


def read_kept(
    kept: Cache,
    source: Source,
    node: Node,
    against: str,
    read: Callable[[], Any],
    reusable: Callable[[Any], bool] = lambda record: True,
) -> Tuple[Any, bool]:
    """(read(), False), or (the record read from the same node in the last load, True) when it
    was read `against` the same file and units, found nothing wrong and is `reusable`. A node
    is the same when its file's bytes are (read_yaml_cached). The caller replays what a reading
    notes outside its record (an id among the ids seen)."""
    reading = source.reading

    def first() -> tuple:
        before = len(reading.errors)
        record = read()
        good = record is not None and len(reading.errors) == before and reusable(record)
        return (node, against, record, good)

    made = kept.made

    def valid(last: tuple) -> bool:
        return last[0] is node and last[1] == against and last[3]

    found = kept.get(str(id(node)), first, valid)
    return found[2], kept.made == made


MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkd", ".txt")


LOGS = ("activities.yml", "achievements.yml")


def check_misnamed(reading: Reading) -> None:
    """Files under a near-miss name would be skipped in silence: say so instead."""
    for name in ("indicators.yml", "evaluations.yml", "projects.yml", *LOGS):
        misnamed = (reading.data_dir / name).with_suffix(".yaml")
        if misnamed.is_file() and not (reading.data_dir / name).is_file():
            reading.file_error(misnamed, "文件扩展名必须是 .yml，此文件未被读取", f"改名为 {name}")
    ledger = reading.data_dir / "rectifications"
    for misnamed in sorted(ledger.iterdir() if ledger.is_dir() else ()):
        if misnamed.suffix.lower() in (".yml", ".yaml") and misnamed.suffix != ".yml":
            hint = f"改名为 {misnamed.stem}.yml"
            reading.file_error(misnamed, "台账文件的扩展名必须是 .yml", hint)
    for folder in ("exemplars", "notices"):
        for file in sorted((reading.data_dir / folder).glob("*.*")):
            if file.suffix.lower() in MARKDOWN_SUFFIXES + (".md",) and file.suffix != ".md":
                reading.file_error(
                    file, "文件扩展名必须是 .md，此文件未被读取", f"改名为 {file.stem}.md"
                )


def required_file(reading: Reading, name: str) -> Optional[Path]:
    file = reading.data_dir / name
    if present(file):
        return file
    misnamed = file.with_suffix(".yaml")
    hint = f"把 {misnamed.name} 改名为 {name}" if misnamed.is_file() else ""
    reading.file_error(file, "缺少这个文件（必需）", hint)
    return None

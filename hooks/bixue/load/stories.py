"""exemplars/*.md and notices/*.md: YAML front matter between `---` lines, then Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from .. import model
from . import guards
from .fields import (
    UNIT_ID,
    a_date,
    boolean,
    check_markdown,
    mapping,
    markdown,
    text,
    texts,
    unit_ref,
)
from .ids import SLUG_CHARS, free_id, made_id
from .images import image_path
from .lists import listed, listed_texts
from .names import reserved_problem
from .publicity import read_publicity
from .reading import Reading, Source, by_bytes, origin, read_kept, units_against
from .yamlfile import Node, decode, parse_yaml

EXEMPLAR_REQUIRED = ("title", "unit", "date", "category")
EXEMPLAR_OPTIONAL = (
    *("summary", "people", "tags", "cover", "adopted_by", "internal", "publish_names"),
)


def documents(reading: Reading, folder: str) -> List[Path]:
    path = reading.data_folder(folder)
    return sorted(path.glob("*.md")) if path else []


def load_exemplars(reading: Reading) -> Tuple[model.Exemplar, ...]:
    files = documents(reading, "exemplars")
    slugs = made_slugs(reading, files, "典型案例")
    exemplars = (read_exemplar(reading, file, slugs[file]) for file in files)
    return tuple(exemplar for exemplar in exemplars if exemplar)


def load_notices(reading: Reading) -> Tuple[model.Notice, ...]:
    files = documents(reading, "notices")
    slugs = made_slugs(reading, files, "通知公告")
    notices = (read_notice(reading, file, slugs[file]) for file in files)
    return tuple(notice for notice in notices if notice)


def made_slugs(reading: Reading, files: List[Path], kind: str) -> Dict[Path, str]:
    """Each file's slug: an ASCII name as it is (checked by `slug`), a name with Chinese in it
    made into one (load.ids), cut at a syllable, -2, -3 where two would meet."""
    slugs = {file: file.stem for file in files if file.stem.isascii()}
    taken = set(slugs.values())
    for file in files:
        if file not in slugs:
            slugs[file] = free_id(made_id(file.stem, SLUG_CHARS), taken)
            taken.add(slugs[file])
            where = reading.relative(file)
            reading.made_ids.append((where, kind, file.stem, slugs[file]))
    return slugs


def read_exemplar(reading: Reading, file: Path, made: str) -> Optional[model.Exemplar]:
    found = read_document(reading, file)
    return read_record_kept(found, made, lambda: _exemplar(file, made, *found), _no_cover)


def _no_cover(exemplar: model.Exemplar) -> bool:
    return not exemplar.cover  # a cover is a file of its own, which may have changed


def _exemplar(
    file: Path, made: str, source: Source, root: Optional[Node], body: str, body_line: int
) -> Optional[model.Exemplar]:
    file_slug = slug(source, file, made)
    entries = mapping(source, root, "", EXEMPLAR_REQUIRED, EXEMPLAR_OPTIONAL)
    if entries is None:
        return None
    if not body:
        source.error(body_line, "body", "正文（先进事迹）不能为空", "在第二个 --- 下面写上内容")
    get = entries.get
    adopters = (
        unit_ref(source, item, "adopted_by")
        for item in listed(source, get("adopted_by"), "adopted_by")
    )
    return model.Exemplar(
        slug=file_slug,
        title=text(source, get("title"), "title") or "",
        unit=unit_ref(source, get("unit"), "unit"),
        date=a_date(source, get("date"), "date"),
        category=text(source, get("category"), "category") or "",
        body=body,
        summary=markdown(source, get("summary"), "summary") or "",
        people=listed_texts(source, get("people"), "people"),
        tags=texts(source, get("tags"), "tags"),
        cover=image_path(source, get("cover"), "cover") or "",
        adopted_by=tuple(adopter for adopter in adopters if adopter),
        internal=bool(boolean(source, get("internal"), "internal")),
        origin=origin(source, root, body=body_line),
        publish_names=bool(boolean(source, get("publish_names"), "publish_names")),
    )


def read_notice(reading: Reading, file: Path, made: str) -> Optional[model.Notice]:
    found = read_document(reading, file)
    return read_record_kept(found, made, lambda: _notice(file, made, *found))


def _notice(
    file: Path, made: str, source: Source, root: Optional[Node], body: str, body_line: int
) -> Optional[model.Notice]:
    file_slug = slug(source, file, made)
    entries = mapping(source, root, "", ("title", "date"), ("pinned", "internal", "publicity"))
    if entries is None:
        return None
    get = entries.get
    return model.Notice(
        slug=file_slug,
        title=text(source, get("title"), "title") or "",
        date=a_date(source, get("date"), "date"),
        body=body,
        pinned=bool(boolean(source, get("pinned"), "pinned")),
        internal=bool(boolean(source, get("internal"), "internal")),
        publicity=read_publicity(source, get("publicity")),
        origin=origin(source, root, body=body_line),
    )


def read_record_kept(found: tuple, made: str, read: Callable[[], Any], reusable=lambda _: True):
    """read(), or the case or notice read in the last load from the same front matter (the
    file's bytes were the same: read_document), under the same slug and against the same
    units, when nothing was wrong with it (reading.read_kept, `Kept.documents`): checking
    1,200 documents' fields again was a third of a second of every serve rebuild."""
    source, root = found[0], found[1]
    if root is None:
        return read()
    against = f"{source.path}\0{made}\0{units_against(source.reading)}"
    record, _ = read_kept(source.reading.kept.documents, source, root, against, read, reusable)
    return record


def slug(source: Source, file: Path, made: str) -> str:
    """The file name without `.md`, or the slug `made` from a Chinese name: the page's
    permanent URL."""
    if made != file.stem:
        return made
    if not UNIT_ID.fullmatch(file.stem):
        hint = "文件名会成为网址，只能用小写字母、数字和 -"
        source.error(0, "", f"文件名不合格：'{file.name}'", hint)
    elif reserved_problem(file.stem, "文件名"):
        hint = f"它会和网站自己的页面用同一个网址，改个名字，如 {file.stem}-1.md"
        source.error(0, "", reserved_problem(file.stem, "文件名"), hint)
    return file.stem


def read_document(reading: Reading, file: Path) -> Tuple[Source, Optional[Node], str, int]:
    """The front matter, the body (checked as Markdown) and the line the body starts on; taken
    from the last load (`Kept.stories`) when the file's bytes are the same: reading 1,200
    documents again was a quarter of a second of every serve rebuild. What a document reads
    as, errors included, depends on its bytes and its path only."""
    source = reading.source(file)
    raw = reading.data_bytes(file)
    if raw is None:
        return source, None, "", 0

    def read() -> tuple:  # the document and the errors reading it found, to report every load
        before = len(reading.errors)
        found = _read_document(reading, source, raw)
        errors = tuple(reading.errors[before:])
        del reading.errors[before:]
        return found, errors

    found, errors = by_bytes(reading.kept.stories, source.path, raw, read)
    reading.errors.extend(errors)
    return (source, *found)


def _read_document(reading: Reading, source: Source, raw: bytes) -> Tuple[Optional[Node], str, int]:
    content, errors = decode(raw, source.path)
    reading.errors.extend(errors)
    lines = (content or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    closing = front_matter_end(source, lines) if content is not None else None
    if closing is None:
        return None, "", 0
    root, errors = parse_yaml("\n".join(lines[1:closing]), source.path, first_line=2)
    reading.errors.extend(errors)
    rest = lines[closing + 1 :]
    blank = next((index for index, line in enumerate(rest) if line.strip()), 0)
    body, body_line = "\n".join(rest[blank:]).rstrip(), closing + 2 + blank
    reading.errors.extend(guards.forbidden_characters(rest, source.path, closing + 2))
    if guards.too_long(body, guards.MAX_BODY_CHARS):
        hint = "正文太长：分成几篇，或删掉粘贴进来的大段内容"
        source.error(body_line, "body", guards.too_long(body, guards.MAX_BODY_CHARS), hint)
    else:
        check_markdown(source, body, body_line, "body", exact=True)
    return root, body, body_line


def front_matter_end(source: Source, lines: List[str]) -> Optional[int]:
    """Index of the line closing the front matter, or None (and an error) if it is not there."""
    hint = "文件开头是一行 ---，接着 title、date 等，再一行 --- 之后写正文"
    if lines[0].rstrip() != "---":
        source.error(1, "", "文件必须以一行 --- 开头", hint)
        return None
    closing = next(
        (index for index in range(1, len(lines)) if lines[index].rstrip() == "---"), None
    )
    if closing is None:
        source.error(1, "", "开头的 --- 没有对应的结束 ---", hint)
    elif not "".join(lines[1:closing]).strip():
        source.error(1, "", "两行 --- 之间是空的，至少要写 title 和 date", hint)
        return None
    return closing

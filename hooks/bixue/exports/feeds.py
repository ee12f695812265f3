"""Feeds of new cases and notices: Atom (feed.xml) and JSON Feed 1.1 (feed.json)."""

from __future__ import annotations

import datetime
import json
import mimetypes
import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Iterable, List, Tuple
from urllib.parse import quote

from ..contents import GeneratedFile, Output
from ..figures.board import Board
from ..figures.changes import compute_changes
from ..pages.changes import render_changes
from ..pages.exemplars import case_view
from ..pages.notices import notice_url, publicity_html
from ..pages.projects import progress_anchor
from ..render import absolute_url, render_markdown
from .tasks_data import count_entries

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_PATH = "feed.xml"
JSON_PATH = "feed.json"
CHINA_TIME = datetime.timezone(datetime.timedelta(hours=8))
"""Records carry dates only: a day starts at midnight Beijing time."""


@dataclass(frozen=True)
class Entry:
    """One case or notice as a feed item."""

    path: str
    """URL of its page, relative to the site root."""
    title: str
    day: datetime.date
    summary: str
    content_html: str
    tags: Tuple[str, ...]
    image: str = ""
    """URL of the cover (relative to the site root), if any."""


def entries(board: Board) -> List[Entry]:
    """Every published case and notice, newest first."""
    items = [case_entry(board, case) for case in board.exemplars()]
    items += [notice_entry(notice) for notice in board.notices()]
    items += changes_entry(board)
    items += [activity_entry(board, record) for record in board.listed_activities()]
    items += [entry for row in board.listed_projects() for entry in progress_entries(row.project)]
    items += [Entry(*entry, ("重点项目", "目标任务")) for entry in count_entries(board)]
    return sorted(items, key=lambda entry: (-entry.day.toordinal(), entry.path))


def case_entry(board: Board, case) -> Entry:
    view = case_view(board, case)
    tags = ("先进典型", case.category, view.unit.name, *case.tags)
    cover = view.cover.src if view.cover else ""
    body = str(render_markdown(case.body))
    return Entry(view.url, case.title, case.date, case.summary, body, tags, cover)


def progress_entries(project) -> List[Entry]:
    """A listed project's 形象进度, one entry per note, each at its own anchor on the page."""
    found = []
    for step in project.progress:
        path = f"projects/{project.id}/#{progress_anchor(project, step)}"
        body = str(render_markdown(step.note))
        title = f"{project.name}：形象进度"
        found.append(Entry(path, title, step.date, "", body, ("重点项目", project.name)))
    return found


def activity_entry(board: Board, record) -> Entry:
    """A listed activity, at its row of the activity log."""
    tags = ("学习交流", record.kind, board.unit(record.host).name)
    body = str(render_markdown(record.summary)) if record.summary else ""
    return Entry(f"activities/#activity-{record.id}", record.title, record.date, "", body, tags)


def notice_entry(notice) -> Entry:
    tags = ("通知公告", "置顶") if notice.pinned else ("通知公告",)
    body = publicity_html(notice) + str(render_markdown(notice.body))
    return Entry(notice_url(notice), notice.title, notice.date, "", body, tags)


CHANGE_KINDS = (
    ("found", "新发现", "项"),
    ("completed", "完成整改", "项"),
    ("overdue", "新增逾期", "项"),
    ("updates", "整改进展", "条"),
    ("rounds", "评比", "轮"),
    ("cases", "先进典型", "篇"),
    ("notices", "通知公告", "条"),
    ("activities", "学习交流", "次"),
)


def changes_entry(board: Board) -> List[Entry]:
    """本期动态 as one entry, its own for every window (its anchor names the last day); none
    when nothing changed in the window."""
    changes = compute_changes(board)
    if changes.empty:
        return []
    first, last = changes.window.first, changes.window.last
    counts = [(name, len(getattr(changes, kind)), word) for kind, name, word in CHANGE_KINDS]
    summary = "，".join(f"{name} {count} {word}" for name, count, word in counts if count)
    title = f"本期动态（{first.isoformat()} 至 {last.isoformat()}）"
    body = render_changes(board, "")
    return [Entry(f"#changes-{last.isoformat()}", title, last, summary, body, ("本期动态",))]


def timestamp(day: datetime.date) -> str:
    """RFC 3339, as both formats require: 2014-09-16T00:00:00+08:00."""
    return datetime.datetime.combine(day, datetime.time(), CHINA_TIME).isoformat()


def link(site_url: str, path: str) -> str:
    """Absolute under site_url; relative to the feed (at the site root) when it is unknown.
    A `#fragment` (本期动态's anchor on the home page, a project's progress note) stays a
    fragment, not an encoded part of the path."""
    page, mark, fragment = path.partition("#")
    anchor = mark + quote(fragment)
    if site_url:
        return absolute_url(site_url, page) + anchor
    return (quote(page) + anchor) or "./"


def entry_id(board: Board, path: str) -> str:
    """A permanent id: the page's address, or a name-based UUID when the address is unknown."""
    if board.site_url:
        return link(board.site_url, path)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"bixue:{board.campaign.plan.title}/{path}").urn


def updated(board: Board, items: List[Entry]) -> datetime.date:
    return items[0].day if items else board.as_of


def atom_feed(board: Board, items: List[Entry]) -> str:
    ElementTree.register_namespace("", ATOM_NS)
    feed = _element(None, "feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    plan = board.campaign.plan
    _element(feed, "title", text=plan.title)
    _element(feed, "subtitle", text="先进典型与通知公告")
    _element(feed, "id", text=entry_id(board, ""))
    _element(feed, "updated", text=timestamp(updated(board, items)))
    _element(_element(feed, "author"), "name", text=plan.organization)
    _element(
        feed, "link", {"rel": "alternate", "type": "text/html", "href": link(board.site_url, "")}
    )
    if board.site_url:
        self_href = absolute_url(board.site_url, ATOM_PATH)
        _element(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": self_href})
    for item in items:
        atom_entry(feed, board, item)
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def atom_entry(feed, board: Board, item: Entry) -> None:
    entry = _element(feed, "entry")
    _element(entry, "title", text=item.title)
    _element(entry, "id", text=entry_id(board, item.path))
    href = link(board.site_url, item.path)
    _element(entry, "link", {"rel": "alternate", "type": "text/html", "href": href})
    if item.image:
        image = link(board.site_url, item.image)
        kind = mimetypes.guess_type(item.image)[0] or "image/jpeg"
        _element(entry, "link", {"rel": "enclosure", "type": kind, "href": image})
    _element(entry, "published", text=timestamp(item.day))
    _element(entry, "updated", text=timestamp(item.day))
    for tag in item.tags:
        _element(entry, "category", {"term": tag})
    if item.summary:
        _element(entry, "summary", {"type": "text"}, text=item.summary)
    _element(entry, "content", {"type": "html"}, text=item.content_html)


def _element(parent, tag: str, attrib=None, text: str = ""):
    name = f"{{{ATOM_NS}}}{tag}"
    node = ElementTree.Element(name, attrib or {})
    if parent is not None:
        parent.append(node)
    if text:
        node.text = text
    return node


def json_feed(board: Board, items: List[Entry]) -> str:
    plan = board.campaign.plan
    feed = {"version": JSON_FEED_VERSION, "title": plan.title, "description": "先进典型与通知公告"}
    if board.site_url:
        feed["home_page_url"] = absolute_url(board.site_url, "")
        feed["feed_url"] = absolute_url(board.site_url, JSON_PATH)
    feed["language"] = "zh-CN"
    feed["authors"] = [{"name": plan.organization}]
    feed["items"] = [json_item(board, item) for item in items]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def json_item(board: Board, item: Entry) -> dict:
    entry = {
        "id": entry_id(board, item.path),
        "url": link(board.site_url, item.path),
        "title": item.title,
        "content_html": item.content_html,
        "date_published": timestamp(item.day),
        "tags": list(item.tags),
    }
    if item.summary:
        entry["summary"] = item.summary
    if item.image:
        entry["image"] = link(board.site_url, item.image)
    return entry


def files(board: Board) -> Iterable[GeneratedFile]:
    items = entries(board)
    yield GeneratedFile(ATOM_PATH, content=atom_feed(board, items))
    yield GeneratedFile(JSON_PATH, content=json_feed(board, items))


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), tuple(files(board)))

"""Links from published Markdown to cases and notices the public build does not publish."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from typing import Iterator, List, Tuple
from urllib.parse import unquote, urlsplit

import markdown as markdown_lib

from ..model import MARKDOWN, Campaign, Origin
from .declared import BODY, Found


class _Targets(HTMLParser):
    """Every href and src of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: List[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def link_targets(text: str) -> List[str]:
    """The link and image targets of a Markdown text, as the page will hold them."""
    parser = _Targets()
    parser.feed(markdown_lib.markdown(text, extensions=["tables", "sane_lists"]))
    return parser.found


def internal_slugs(campaign: Campaign) -> dict:
    """Slug -> its folder, for every case and notice marked internal."""
    slugs = {case.slug: "exemplars" for case in campaign.exemplars if case.internal}
    slugs.update((notice.slug, "notices") for notice in campaign.notices if notice.internal)
    return slugs


def segments(target: str) -> List[str]:
    path = unquote(urlsplit(target).path)
    parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".", "..")]
    if parts and parts[-1] in ("index.html", "index.md"):
        parts.pop()
    return [part.removesuffix(".md").removesuffix(".html") for part in parts]


def hidden_slug(target: str, slugs: dict) -> str:
    """The internal slug a link leads to, or "". Links within the site name the slug anywhere
    in their path (relative links differ by page); links to a host name its folder before it."""
    split = urlsplit(target)
    if split.scheme not in ("", "http", "https"):
        return ""
    parts = segments(target)
    if not split.netloc:
        return next((part for part in parts if part in slugs), "")
    pairs = zip(parts, parts[1:], strict=False)
    return next((slug for folder, slug in pairs if slugs.get(slug) == folder), "")


def internal_links(
    campaign: Campaign, texts: List[Found]
) -> Iterator[Tuple[Origin, int, str, str, str]]:
    """(origin, line, field, link, slug) of every published link to an internal case or
    notice, from published texts. Only Markdown has links that become links on a page."""
    slugs = internal_slugs(campaign)
    if not slugs:
        return
    for found in texts:
        text = found.text
        if found.kind != MARKDOWN or "](" not in text and "]:" not in text and "<" not in text:
            continue
        for target in link_targets(text):
            slug = hidden_slug(target, slugs)
            if slug:
                at = text.find(target) if target in text else text.find(slug)
                offset = text.count("\n", 0, at) if found.field == BODY and at > 0 else 0
                yield found.origin, found.line + offset, found.field, target, slug

"""The build session: the one owner of everything kept from one build to the next."""

from __future__ import annotations

import contextlib
import contextvars
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional

from .cache import Cache
from .collector import IdleCollector
from .file_digests import FileDigests
from .value_key import Keys

ACTIVE: contextvars.ContextVar[Optional[BuildSession]] = contextvars.ContextVar(
    "bixue_build_session", default=None
)
"""The session of the build under way in this thread, for code that renders deep below the page
modules (a block, a Markdown text, a workbook). It holds nothing itself: the session is set for
a build and taken away after it; with none, everything is made as if nothing was kept."""


@dataclass
class ThisBuild:
    """What one build notes while it runs, for its own later steps: dropped at the next."""

    keys: Optional[Keys] = None
    """Digests of blocks' inputs; None when this build keeps nothing (not `serve`)."""
    templates: str = ""
    """A digest of the templates folder (names, times, sizes), part of every block's key."""
    rows_moved: bool = False
    """Whether the kept workbook rows moved on to this build (once it makes a workbook)."""
    stash_key: str = ""
    """The key in the placeholders of the pages' blocks set aside from Markdown (raw_blocks)."""
    stashed: Dict[str, dict] = field(default_factory=dict)
    """Each generated page's blocks set aside, by its source path."""
    hidden: Dict[str, dict] = field(default_factory=dict)
    """Each generated page's parts search skips, by its source path."""
    site_key: Optional[tuple] = None
    """(the site's files, a digest of the site): made once a build."""
    page_keys: Dict[str, str] = field(default_factory=dict)
    """Each page's render key by its path in the site: equal keys, equal output."""
    site_dir: Optional[str] = None
    """The site folder files are moved back into; None when nothing is (not `serve`)."""
    moved: set = field(default_factory=set)
    """Pages moved back from the last build (MkDocs logs that it skipped them)."""
    folders: set = field(default_factory=set)
    """Folders of the site made while moving files back."""
    quiet: Any = None
    """The filter of MkDocs' "Page skipped" lines for pages moved back, while one is set."""
    generation: Any = None
    """The page modules' output (generate.Generation) until the files made beside the pages
    are added to MkDocs' (adapter.board.add_later_files)."""


class BuildSession:
    """Everything kept from one build to the next, each kind in a Cache keyed by digests of its
    inputs, and whether the builds are `mkdocs serve`'s (decided once, at start-up). A new
    session keeps nothing: it is what a new `mkdocs serve` starts with."""

    def __init__(self, serving: bool = False, dirty: bool = False) -> None:
        self.serving = serving
        self.dirty = dirty
        self.parsed: Cache = Cache()
        """Each YAML file's reading, by its path and a digest of its bytes."""
        self.stories: Cache = Cache()
        """Each case or notice file's reading, by its path and a digest of its bytes."""
        self.documents: Cache = Cache()
        """Cases and notices by the node of their front matter (load.stories)."""
        self.pieces: Cache = Cache()
        """The items of each YAML file that is one list, by their text, by its path."""
        self.items: Cache = Cache()
        """Ledger items by the node they were read from (load.ledger)."""
        self.indicators: Cache = Cache()
        """Indicators by the node they were read from (load.scores)."""
        self.records: Cache = Cache()
        """Each frozen record's digest, by the record itself (value_key): a record kept from
        the last load is not digested again."""
        self.blocks: Cache = Cache()
        """Rendered blocks by a digest of their template and every value given to it."""
        self.markdown: Cache = Cache()
        """Markdown texts from the data as sanitised HTML, by the text."""
        self.workbooks: Cache = Cache()
        """Workbooks by a digest of their sheets, title and stamp."""
        self.plans: Cache = Cache()
        """The campaign.xlsx download with the campaign it was written for: while a bad edit
        is built from the last good board, so is the download."""
        self.ledger_lines: Cache = Cache()
        """Each ledger download row and its CSV line, by the item (outputs.downloads)."""
        self.rows: Cache = Cache()
        """Workbook rows' XML by their number, styles and values."""
        self.qr: Cache = Cache()
        """QR codes' SVG by address and title."""
        self.images: Cache = Cache()
        """Measured and shrunk photos by path, time and size."""
        self.stashes: Cache = Cache()
        """Pages' Markdown with their blocks set aside, by a digest of the Markdown."""
        self.conversions: Cache = Cache()
        """Pages' Markdown as MkDocs converted it."""
        self.search: Cache = Cache()
        """Search entries made from each page."""
        self.pages: Cache = Cache()
        """Each page's output of the theme's template, compressed."""
        self.written: Cache = Cache()
        """What the last build wrote (previous) and this one (current): a path in the site ->
        a digest of its bytes or source."""
        self.stamps: Cache = Cache()
        """Each site file's digest, by its path, valid while its inode, time and size are."""
        self.file_digests = FileDigests()
        """Digests of data files' bytes by their marks, kept on disk between builds."""
        self.stash_key = ""
        """The key in the placeholders of the pages' blocks set aside (raw_blocks); under `serve`
        kept for the session."""
        self.idle = IdleCollector()
        self.dropping: List[threading.Thread] = []
        """Threads dropping the files of earlier builds that were not moved back."""
        self.build = ThisBuild()
        self.converter: Any = None
        """The session's Markdown converter (render), reset for each text."""

    @property
    def keeping(self) -> bool:
        """Whether this build keeps blocks, pages and conversions for the next (`serve`)."""
        return self.serving and self.build.keys is not None

    def start_build(self, templates: str = "", blocks_on_disk: bool = False) -> None:
        """A new build: under `serve` what the last one made may be reused, else nothing is;
        but for `blocks_on_disk`: blocks are digested all the same, for the adapter to offer
        the last `mkdocs build`'s from disk (kept_blocks) and keep this one's."""
        self.build = ThisBuild()
        for cache in (self.blocks, self.stashes, self.markdown, self.records, self.plans):
            cache.start_build() if self.serving else cache.forget()
        for cache in (self.workbooks, self.qr, self.images):
            cache.start_build()  # kept in any build: what the last one did not ask for goes
        if self.serving:
            self.build.keys = Keys(self.records)
            self.build.templates = templates
        elif blocks_on_disk:
            self.build.keys = Keys()
        self.blocks.packed = not self.serving  # kept for the disk only: packed (kept_blocks)

    @contextlib.contextmanager
    def active(self) -> Iterator[BuildSession]:
        """This session is the one in use while the block runs (ACTIVE)."""
        token = ACTIVE.set(self)
        try:
            yield self
        finally:
            ACTIVE.reset(token)


def current() -> Optional[BuildSession]:
    """The session of the build under way, or None (nothing is kept)."""
    return ACTIVE.get()

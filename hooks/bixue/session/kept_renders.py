"""Under `serve`: a theme template's output for a page kept from the last build, by a digest of
everything it was rendered from, so that an edit to one data file renders only the pages it
changed. The digest (`key_of`) is made by whoever knows what the template reads (the adapter);
without one, the template is rendered as always."""

from __future__ import annotations

import zlib
from typing import Callable, Optional

from .cache import Cache

KeyOf = Callable[[str, dict], Optional[str]]
"""(template name, context) -> a digest of all the output depends on, or None: render it."""


Deferrable = Callable[[dict, str], bool]
"""(context, key) -> whether the output need not be unpacked (Deferred)."""


def render(
    kept: Cache, template, context, key: Optional[str], deferrable: Optional[Deferrable] = None
) -> str:
    """The template's output, kept compressed: a 500-unit board's pages are 80 MB of HTML."""
    if key is None:
        return template.render(context)
    rendered: list = []

    def make() -> bytes:
        rendered.append(template.render(context))
        return zlib.compress(rendered[0].encode("utf-8", "surrogatepass"), 1)

    made = kept.get(key, make)
    if rendered:
        return rendered[0]
    if deferrable is not None and deferrable(context, key):
        return Deferred(made)
    return unpack(made)


def unpack(made: bytes) -> str:
    return zlib.decompress(made).decode("utf-8", "surrogatepass")


class Deferred(str):
    """A kept output left compressed, for a page whose last output, from the same inputs, is
    where it goes: it is moved back, never written (adapter.serve_site.keep_unchanged_page), and
    unpacking 80 MB of pages for nothing was a quarter of a second of a 500-unit rebuild. As a
    text it is empty: only whoever deferred it may take it, and `full()` is the output."""

    packed: bytes

    def __new__(cls, packed: bytes) -> Deferred:
        made = super().__new__(cls, "")
        made.packed = packed
        return made

    def full(self) -> str:
        return unpack(self.packed)


class Environment:
    """A Jinja environment whose templates reuse kept outputs; all else is the environment's."""

    def __init__(
        self, env, kept: Cache, key_of: KeyOf, deferrable: Optional[Deferrable] = None
    ) -> None:
        self.wrapped, self.kept, self.key_of = env, kept, key_of
        self.deferrable = deferrable

    def get_template(self, name, *args, **kwargs):
        template = self.wrapped.get_template(name, *args, **kwargs)
        return Template(template, str(name), self)

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


class Template:
    def __init__(self, template, name: str, env: Environment) -> None:
        self.wrapped, self.name, self.env = template, name, env

    def render(self, context=None, **kwargs) -> str:
        if context is None or kwargs:
            return self.wrapped.render(context or {}, **kwargs)
        key = self.env.key_of(self.name, context)
        return render(self.env.kept, self.wrapped, context, key, self.env.deferrable)

    def __getattr__(self, name):
        return getattr(self.wrapped, name)

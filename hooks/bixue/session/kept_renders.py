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


def render(kept: Cache, template, context, key: Optional[str]) -> str:
    """The template's output, kept compressed: a 500-unit board's pages are 80 MB of HTML."""
    if key is None:
        return template.render(context)
    made = kept.get(
        key, lambda: zlib.compress(template.render(context).encode("utf-8", "surrogatepass"), 1)
    )
    return zlib.decompress(made).decode("utf-8", "surrogatepass")


class Environment:
    """A Jinja environment whose templates reuse kept outputs; all else is the environment's."""

    def __init__(self, env, kept: Cache, key_of: KeyOf) -> None:
        self.wrapped, self.kept, self.key_of = env, kept, key_of

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
        return render(self.env.kept, self.wrapped, context, self.env.key_of(self.name, context))

    def __getattr__(self, name):
        return getattr(self.wrapped, name)

"""Under `serve`: a theme template's output for a page kept from the last build, by a digest of
everything it was rendered from, so that an edit to one data file renders only the pages it
changed. The digest (`key_of`) is made by whoever knows what the template reads (the adapter);
without one, the template is rendered as always."""

from __future__ import annotations

import zlib
from typing import Callable, Dict, Optional

KeyOf = Callable[[str, dict], Optional[str]]
"""(template name, context) -> a digest of all the output depends on, or None: render it."""


class Kept:
    """Values made in the last build and in this one, by a digest of what each is made from:
    under `serve`, what an edit did not change is taken from the last build, and what this build
    does not ask for again is forgotten at the start of the next."""

    def __init__(self) -> None:
        self.previous: Dict[str, bytes] = {}
        self.current: Dict[str, bytes] = {}
        self.made = 0
        self.reused = 0

    def start_build(self) -> None:
        self.previous, self.current = self.current, {}
        self.made = self.reused = 0

    def forget(self) -> None:
        """Nothing kept: a build that keeps nothing for the next (not `serve`)."""
        self.previous, self.current = {}, {}
        self.made = self.reused = 0

    def get(self, key: str, make: Callable[[], bytes], valid: Callable = lambda _: True) -> bytes:
        """The value kept under `key` if `valid` holds for it, else `make()` kept."""
        value = self.current.get(key) or self.previous.get(key)
        if value is None or not valid(value):
            value = make()
            self.made += 1
        else:
            self.reused += 1
        self.current[key] = value
        return value


def render(kept: Kept, template, context, key: Optional[str]) -> str:
    """The template's output, kept compressed: a 500-unit board's pages are 80 MB of HTML."""
    if key is None:
        return template.render(context)
    made = kept.get(
        key, lambda: zlib.compress(template.render(context).encode("utf-8", "surrogatepass"), 1)
    )
    return zlib.decompress(made).decode("utf-8", "surrogatepass")


class Environment:
    """A Jinja environment whose templates reuse kept outputs; all else is the environment's."""

    def __init__(self, env, kept: Kept, key_of: KeyOf) -> None:
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

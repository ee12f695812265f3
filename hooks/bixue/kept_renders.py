"""Under `serve`: a theme template's output for a page kept from the last build, by a digest of
everything it was rendered from, so that an edit to one data file renders only the pages it
changed. The digest (`key_of`) is made by whoever knows what the template reads (the adapter);
without one, the template is rendered as always."""

from __future__ import annotations

import zlib
from typing import Callable, Dict, Optional

KeyOf = Callable[[str, dict], Optional[str]]
"""(template name, context) -> a digest of all the output depends on, or None: render it."""


class KeptRenders:
    """Outputs of the last build and of this one, compressed (a 500-unit board's pages are 80 MB
    of HTML), with how many of this build's renders were made and how many reused."""

    def __init__(self) -> None:
        self.previous: Dict[str, bytes] = {}
        self.current: Dict[str, bytes] = {}
        self.rendered = 0
        self.reused = 0

    def start_build(self) -> None:
        """What this build does not render again is forgotten at the start of the next."""
        self.previous, self.current = self.current, {}
        self.rendered = self.reused = 0

    def render(self, template, context, key: Optional[str]) -> str:
        if key is None:
            return template.render(context)
        kept = self.previous.get(key)
        if kept is not None:
            self.current[key] = kept
            self.reused += 1
            return zlib.decompress(kept).decode("utf-8", "surrogatepass")
        output = template.render(context)
        self.current[key] = zlib.compress(output.encode("utf-8", "surrogatepass"), 1)
        self.rendered += 1
        return output


class Environment:
    """A Jinja environment whose templates reuse kept outputs; all else is the environment's."""

    def __init__(self, env, kept: KeptRenders, key_of: KeyOf) -> None:
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
        return self.env.kept.render(self.wrapped, context, self.env.key_of(self.name, context))

    def __getattr__(self, name):
        return getattr(self.wrapped, name)

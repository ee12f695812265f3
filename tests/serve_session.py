"""A `mkdocs serve` session without its web server, in a process of its own, rebuilding on request.

`python serve_session.py CONFIG SITE_DIR`: each line `build` on stdin rebuilds the site as serve's
builder does (mkdocs/commands/serve.py: `on_startup(command="serve")` once, then the config loaded
again and `build(config, serve_url=…)` in the same process, an exception logged, not raised), and
answers one JSON line: {"built": true/false, "errors": [every ERROR logged, the exception's text]}.
In a process of its own, the hooks and the `bixue` package are the project's beside CONFIG (an
edited template is read from there), and nothing is kept from any other test's builds.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config


class Errors(logging.Handler):
    """The ERROR records MkDocs and the hooks log during one build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def serve_url(config) -> str:
    host, port = config.dev_addr
    return f"http://{host}:{port}{urlsplit(config.site_url or '/').path}"


def session(config_file: str, site_dir: str, requests, answer) -> None:
    """Build once per request, the first with the config on_startup was given, as serve does."""
    first = load_config(config_file=config_file, site_dir=site_dir)
    first.plugins.on_startup(command="serve", dirty=False)
    url = first.site_url = serve_url(first)
    errors = Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    config = first
    for request in requests:
        if request.strip() != "build":
            continue
        if config is None:
            config = load_config(config_file=config_file, site_dir=site_dir)
            config.site_url = url
        errors.messages.clear()
        try:
            build(config, serve_url=url)
            built = True
        except Exception as error:  # serve's build loop logs it and waits for the next edit
            built = False
            errors.messages.append(f"{type(error).__name__}: {error}")
        config = None
        answer(json.dumps({"built": built, "errors": errors.messages}, ensure_ascii=False))
    first.plugins.on_shutdown()


def main(argv) -> int:
    # Answers go to the real stdout only: whatever a library prints goes to stderr.
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(message)s")

    def answer(line: str) -> None:
        answers.write(line + "\n")
        answers.flush()

    session(argv[0], argv[1], sys.stdin, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

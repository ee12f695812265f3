"""A page made the old TV browser the screen is written for (Chromium / Android WebView 52):
what 52 lacks is deleted before the page's scripts run, and fetch forgets its options. For
tests/test_screen_old_browser.py and `scripts/screenshots.py --old-engine`."""

from __future__ import annotations

import json

REMOVED = {
    "window": [
        "URLSearchParams",  # 49
        "IntersectionObserver",  # 51 (58 in WebView builds without it)
        "ResizeObserver",  # 64
        "AbortController",  # 66
        "queueMicrotask",  # 71
        "structuredClone",  # 98
    ],
    "Object": ["entries", "values", "fromEntries"],  # 54, 54, 73
    "Promise.prototype": ["finally"],  # 63
    "String.prototype": ["padStart", "padEnd", "trimStart", "trimEnd", "replaceAll", "matchAll"],
    "Array.prototype": ["flat", "flatMap", "at", "findLast"],  # 69, 69, 92, 97
    "NodeList.prototype": ["forEach", "entries", "keys", "values"],  # 51
    "Element.prototype": [
        "append", "prepend", "before", "after", "replaceWith",  # 54
        "toggleAttribute", "replaceChildren",  # 69, 86
    ],
}  # fmt: skip
"""What Chromium 52 does not have (first version with it in the comments); globalThis (71)
stays, Playwright's own page scripts need it. Element.closest
(41), fetch (42), Promise (32), URL (32), template (26) and KeyboardEvent.key (51) it has."""

OLD_ENGINE = """(() => {
  const removed = REMOVED_JSON;
  const gone = [];
  for (const [path, names] of Object.entries(removed)) {
    const owner = path.split('.').reduce((o, k) => o[k], window);
    for (const name of names) {
      delete owner[name];
      if (name in owner) Object.defineProperty(owner, name, {value: undefined});
      gone.push(path + '.' + name);
    }
  }
  delete NodeList.prototype[Symbol.iterator];
  // Before 64 fetch ignores `cache` (and has no `signal`): the board must not count on them.
  const fetchNow = window.fetch;
  window.fetch = (input, init) => {
    const plain = Object.assign({}, init);
    delete plain.cache; delete plain.signal;
    return fetchNow.call(window, input, plain);
  };
  window.__gone = gone;
})();""".replace("REMOVED_JSON", json.dumps(REMOVED))


def emulate(page) -> list:
    """`page` as Chromium 52 before its scripts run; the chart bundle never loads. Returns the
    list that gathers any request for it."""
    asked = []
    page.add_init_script(OLD_ENGINE)
    page.route("**/*plotly*", lambda route: (asked.append(route.request.url), route.abort()))
    return asked

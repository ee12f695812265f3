"""Names the site itself uses in its paths, which no unit id or file name may take."""

from __future__ import annotations

RESERVED_NAMES = frozenset(
    {
        *("index", "404", "assets", "downloads", "media", "search", "sitemap", "feed", "data"),
        *(
            "build-stamp",
            "screen",
            "screens",
            "screen-slides",
            "units",
            "projects",
            "exemplars",
            "notices",
        ),
        *("campaign", "indicators", "ranking", "pairs", "rectification", "print", "changes"),
        *("javascripts", "stylesheets", "images", "templates", "templates-xlsx"),
        *("glossary", "activities", "achievements", "archive", "returns"),
    }
)
"""Every folder and page name of the built site (MkDocs', the theme's and the board's): a unit
`index` would be `units/index.md`, the list of units, and one of the two pages would be lost."""


def reserved_problem(value: str, what: str) -> str:
    """The message for a reserved name, or "" when `value` is free; `what`: 单位 id, 文件名."""
    if value.lower() not in RESERVED_NAMES:
        return ""
    return f"{what} '{value}' 是网站自己要用的名字，不能用"

"""Put the previous release of the published site back: `bash scripts/rollback.sh [SITE]`.

`--list` shows the releases kept beside the site (the published one marked). Needs no MkDocs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bixue.publish import lock, releases  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="回退到上一个发布版本")
    parser.add_argument(
        "site", nargs="?", default=str(ROOT / "site"), help="站点目录（默认 site/）"
    )
    parser.add_argument("--list", action="store_true", help="只列出保留的版本")
    args = parser.parse_args(argv)
    site = Path(args.site).absolute()
    if args.list:
        published = releases.published(site)
        for name in releases.names(site):
            print(("* " if name == published else "  ") + name)
        return 0
    try:
        held = lock.take(site)  # not while a build is publishing
        try:
            stamp = releases.rollback(site)
        finally:
            lock.let_go(site, held)
    except (LookupError, lock.Busy) as error:
        print(f"未回退：{error}", file=sys.stderr)
        return 1
    print(f"已回退：{site} 现在是 {stamp} 发布的版本")
    return 0


if __name__ == "__main__":
    sys.exit(main())

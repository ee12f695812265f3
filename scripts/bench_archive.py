"""往期公示's cost: the demo built into a site holding no archive, then into one holding 52
archived publications (a year of weekly boards), as a user builds (`mkdocs build`), runs
interleaved; prints the median CPU seconds (user + system, of the build process: steadier than
the wall clock on a shared machine) and wall seconds of each, and the ratio of the CPU medians.

Usage: .venv/bin/python scripts/bench_archive.py [--entries 52] [--runs 3] [--limit 1.10]
Exits 1 when the ratio is over the limit.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from bixue.boards import archive_page  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}


def build(site: Path) -> tuple:
    """(CPU seconds, wall seconds) of one `mkdocs build` into `site`."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    wall, after = time.monotonic() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(result.stderr[-3000:])
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def archived_site(folder: Path, entries: int) -> Path:
    """A published site whose archive holds `entries` publications, one a week back from the
    demo's: copies of its own entry (hard links) in the store, each with its as-of date, and
    its record and view as a build writes them (its row of the archive page, compared with the
    week before)."""
    site = folder / "site"
    build(site)
    archive = site / "archive"
    (own,) = [p for p in archive.iterdir() if p.is_dir()]
    day = datetime.date.fromisoformat(own.name)
    store = own.resolve().parent  # entries are written beside the site, linked from it
    record = json.loads((own / "publication.json").read_text("utf-8"))
    before = None
    for week in reversed(range(1, entries)):  # oldest first: each compared with the one before
        as_of = (day - datetime.timedelta(weeks=week)).isoformat()
        copy = store / as_of
        shutil.copytree(own, copy, copy_function=os.link)
        (archive / as_of).symlink_to(copy, target_is_directory=True)
        for name in ("data.json", "view.json"):
            data = json.loads((own / name).read_text("utf-8"))
            data["as_of"] = as_of
            (copy / name).unlink()
            (copy / name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        this = archive_page.Publication(as_of, f"{as_of}T09:00:00+08:00", lambda d=data: d)
        row = archive_page.rows([before, this] if before else [this])[0]
        written = {**record, "published": this.published}
        written["row"] = archive_page.record_of(row, before.name if before else None)
        (copy / "publication.json").unlink()
        (copy / "publication.json").write_text(json.dumps(written, ensure_ascii=False), "utf-8")
        before = this
    return site


def timed(template, folder: Path) -> tuple:
    """One build into a fresh copy of `template`'s folder (its site, its archive store, no
    releases): the store is moved in and back, the site copied with its links."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    if template is None:
        return build(folder / "site")
    shutil.copytree(template, folder / "site", symlinks=True, copy_function=os.link)
    store = template.with_name(f".{template.name}.archive")
    os.replace(store, folder / store.name)
    try:
        return build(folder / "site")
    finally:
        os.replace(folder / store.name, store)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=52)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=1.10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        full = archived_site(work / "full", args.entries)
        found = len([p for p in (full / "archive").iterdir() if p.is_dir()])
        none, many = [], []
        for _ in range(args.runs):
            none.append(timed(None, work / "none-run"))
            many.append(timed(full, work / "many-run"))
    cpu = [statistics.median(t[0] for t in runs) for runs in (none, many)]
    wall = [statistics.median(t[1] for t in runs) for runs in (none, many)]
    ratio = cpu[1] / cpu[0]
    print(
        f"build with no archive: {cpu[0]:.2f} s CPU ({wall[0]:.2f} s wall); with {found} "
        f"archived publications: {cpu[1]:.2f} s CPU ({wall[1]:.2f} s wall); "
        f"CPU ratio {ratio:.3f}, wall ratio {wall[1] / wall[0]:.3f}"
    )
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())

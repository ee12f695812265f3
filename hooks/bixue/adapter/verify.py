"""`BIXUE_SERVE_VERIFY=1 mkdocs serve`: each rebuild compared, byte for byte, with a clean build."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Sequence, Tuple

from . import archive

SWITCH = "BIXUE_SERVE_VERIFY"
SHOWN = 3
"""File names a mismatch line shows of each kind; the rest is `…`."""


@dataclass(frozen=True)
class Comparison:
    """Two site folders, file by file: paths relative to the site, in order."""

    missing: Tuple[str, ...]
    """In the clean build, not in the rebuild."""
    extra: Tuple[str, ...]
    """In the rebuild only."""
    differing: Tuple[str, ...]
    """In both, with other bytes."""
    same: int

    @property
    def matched(self) -> bool:
        return not (self.missing or self.extra or self.differing)

    def summary(self) -> str:
        """The one line serve logs."""
        if self.matched:
            return f"核对：重建结果与全新构建一致（{self.same} 个文件）"
        kinds = (("内容不同", self.differing), ("缺少", self.missing), ("多出", self.extra))
        parts = [f"{label} {len(paths)} 个：{_names(paths)}" for label, paths in kinds if paths]
        total = len(self.differing) + len(self.missing) + len(self.extra)
        return f"核对：重建结果与全新构建不同：{total} 个文件（{'；'.join(parts)}）"


def _names(paths: Sequence[str]) -> str:
    return "、".join(paths[:SHOWN]) + ("…" if len(paths) > SHOWN else "")


def site_files(site: Path) -> Dict[str, Path]:
    """Every file of a built site by its path in the site. Names at the top that start with a
    dot are left out: MkDocs' cleaning leaves them, and serve keeps the last build aside there."""
    found = {}
    for top in sorted(site.iterdir()):
        if top.name.startswith("."):
            continue
        inside = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in inside:
            if path.is_file():
                found[path.relative_to(site).as_posix()] = path
    return found


def compare_sites(rebuilt: Path, clean: Path) -> Comparison:
    """Which files of `rebuilt` are missing, extra or other bytes than those of `clean`."""
    ours, theirs = site_files(rebuilt), site_files(clean)
    both = sorted(ours.keys() & theirs.keys())
    differing = tuple(name for name in both if ours[name].read_bytes() != theirs[name].read_bytes())
    return Comparison(
        missing=tuple(sorted(theirs.keys() - ours.keys())),
        extra=tuple(sorted(ours.keys() - theirs.keys())),
        differing=differing,
        same=len(both) - len(differing),
    )


def clean_build(config_file: str, site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    """`mkdocs build` (or `properdocs build`) of the same project into `site_dir`, in a fresh
    process that keeps nothing, with this process's environment and the serve address as the
    site's (mkdocs.yml reads it from BOARD_SITE_URL)."""
    # serve publishes nothing, so keeps no 往期公示: neither does the build it is compared with
    env = {**os.environ, "BOARD_SITE_URL": site_url, archive.SWITCH: "0"}
    env.pop(SWITCH, None)
    command = [sys.executable, "-m", engine(), "build", "-f", config_file, "-d", str(site_dir)]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace"
    )


def engine() -> str:
    """The package serving, MkDocs or its fork ProperDocs (pages name it): the clean build's."""
    return "properdocs" if "properdocs.commands.serve" in sys.modules else "mkdocs"


def check_rebuild(config, log, serve: bool) -> None:
    """Under `serve` with BIXUE_SERVE_VERIFY=1, after a build: one line, whether a clean build
    of the same project writes the same files, byte for byte."""
    if not serve or os.environ.get(SWITCH) != "1":
        return
    with tempfile.TemporaryDirectory(prefix="bixue-verify-") as scratch:
        clean = Path(scratch) / "site"
        result = clean_build(config.config_file_path, clean, config.site_url or "")
        if result.returncode != 0:
            log.warning(f"核对：全新构建失败，未比较（{gist(result.stderr)}）")
            return
        comparison = compare_sites(Path(config.site_dir), clean)
    (log.info if comparison.matched else log.warning)(comparison.summary())


def gist(output: str) -> str:
    """MkDocs' first ERROR line without its level, else the last line: the gist of a failure."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line.partition("-")[2].strip() for line in lines if line.startswith("ERROR")]
    if errors:
        return errors[0].rstrip("：:")
    return lines[-1] if lines else "没有输出"

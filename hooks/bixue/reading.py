"""The state of one load (folders, known unit ids, every error so far) and where records were."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import model
from errors import DataError
from yamlfile import Node, read_yaml


@dataclass
class Reading:
    """State shared by every file of one load: folders, known unit ids, and all errors so far."""

    data_dir: Path
    project_dir: Path
    errors: List[DataError] = field(default_factory=list)
    unit_ids: Optional[Tuple[str, ...]] = None
    """In units.yml order; None while units.yml is unread or unreadable (no reference checks)."""

    def relative(self, file: Path) -> str:
        return Path(os.path.relpath(file, self.project_dir)).as_posix()

    def source(self, file: Path) -> Source:
        return Source(self, self.relative(file), file)

    def read(self, file: Path) -> Tuple[Source, Optional[Node]]:
        """Read one YAML file; its reading errors join the others."""
        source = self.source(file)
        root, errors = read_yaml(file, source.path)
        self.errors.extend(errors)
        return source, root


@dataclass
class Source:
    """One data file being checked."""

    reading: Reading
    path: str
    """Relative to the project root, posix."""
    file: Path

    def error(self, line: int, field_name: str, message: str, hint: str = "") -> None:
        self.reading.errors.append(DataError(self.path, line, field_name, message, hint))


def origin(source: Source, node: Node, **extra: int) -> model.Origin:
    lines = (
        {key: child.line for key, child in node.value.items()}
        if isinstance(node.value, dict)
        else {}
    )
    return model.Origin(source.path, node.line, {**lines, **extra})


def note_unique(
    source: Source, seen: Dict[str, str], value: Optional[str], node: Node, name: str
) -> None:
    """Report `value` if `seen` has it; `seen` maps value -> where it was first written."""
    if value is None:
        return
    if value in seen:
        source.error(node.line, name, f"'{value}' 重复了：{seen[value]} 已经用过")
        return
    seen[value] = f"{source.path}:{node.line}"

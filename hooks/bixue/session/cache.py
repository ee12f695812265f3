"""The one cache type of a build session: values made in the last build and in this one."""

from __future__ import annotations

import zlib
from typing import Callable, Dict, Generic, Optional, TypeVar

T = TypeVar("T")


def _always(_value) -> bool:
    return True


class Packed:
    """A text as a packed cache keeps it: UTF-8, compressed."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def of(cls, text: str) -> Packed:
        return cls(zlib.compress(text.encode("utf-8", "surrogatepass"), 1))

    def text(self) -> Optional[str]:
        """The text; None when the bytes are not one packed (read from disk)."""
        try:
            return zlib.decompress(self.data).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None


class Cache(Generic[T]):
    """Values made in the last build and in this one, by a digest of what each is made from:
    what an edit did not change is taken from the last build, and what this build does not ask
    for again is forgotten at the start of the next. Owned by a build session (BuildSession)."""

    def __init__(self) -> None:
        self.previous: Dict[str, T] = {}
        self.current: Dict[str, T] = {}
        self.made = 0
        self.reused = 0
        self.packed = False
        """Texts kept packed (`Packed`), handed out as texts: a plain build's blocks, kept only
        for the disk, are a fifth of their size in memory while the pages are made (at 500
        units, 30 MB instead of 150)."""

    def start_build(self) -> None:
        self.previous, self.current = self.current, {}
        self.made = self.reused = 0

    def forget(self) -> None:
        """Nothing kept: a build that keeps nothing for the next (not `serve`)."""
        self.previous, self.current = {}, {}
        self.made = self.reused = 0

    def put(self, key: str, value: T) -> None:
        """`value` kept under `key` from now on."""
        self.current[key] = value

    def get(self, key: str, make: Callable[[], T], valid: Callable[[T], bool] = _always) -> T:
        """The value kept under `key` if `valid` holds for it, else `make()` kept."""
        value = self.current.get(key)
        if value is None:
            value = self.previous.get(key)
        kept = value
        if type(value) is Packed:
            value = value.text()
        if value is None or not valid(value):
            value = kept = make()
            self.made += 1
        else:
            self.reused += 1
        if self.packed and type(kept) is str:
            kept = Packed.of(kept)
        self.current[key] = kept
        return value

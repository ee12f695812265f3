"""Publishing releases into a plain site folder: atomic swap, kept releases, rollback."""

from __future__ import annotations

import hashlib
import http.client
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from bixue.publish import releases, swap
from conftest import ROOT
from headless import free_port

FILES = [f"p{n}/index.html" for n in range(12)] + ["index.html", "assets/big.js"]


def release_body(name: str, number: int) -> bytes:
    """A file that says which release it is at its start and end, with a checksum of between."""
    size = 200_000 if name.endswith(".js") else 3_000 + 100 * len(name)
    middle = hashlib.sha256(f"{number}:{name}".encode()).hexdigest().encode() * (size // 64)
    head = f"release {number} {name}\n".encode()
    tail = f"\nend {number} {hashlib.sha256(middle).hexdigest()}\n".encode()
    return head + middle + tail


def release_of(body: bytes) -> int:
    """The release a fetched file is whole from; raises if it is cut or mixed."""
    head, rest = body.split(b"\n", 1)
    middle, tail = rest.rsplit(b"\n", 2)[0], rest.rsplit(b"\n", 2)[1]
    number = int(head.split()[1])
    assert tail == f"end {number} {hashlib.sha256(middle).hexdigest()}".encode(), "cut or mixed"
    return number


def stage(site: Path, number: int) -> Path:
    """A finished build in the staging folder, as mkdocs leaves it."""
    staging = Path(swap.staging_dir(str(site)))
    for name in FILES:
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(release_body(name, number))
    return staging


def publish(site: Path, number: int) -> str:
    staging = stage(site, number)
    assert releases.new_stamp(site) > max(releases.names(site), default="")
    swap.swap_in(str(staging), str(site))
    return releases.published(site)


def plain_tree(site: Path) -> list:
    """What a tool that never follows symlinks (find -P, cp -r, rsync) sees under the site."""
    found = subprocess.run(
        ["find", "-P", str(site), "-type", "f"], capture_output=True, text=True, check=True
    )
    return sorted(os.path.relpath(line, site) for line in found.stdout.split())


def test_the_first_publish_keeps_a_plain_site_folder_as_the_oldest_release(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    stamp = publish(site, 1)
    assert site.is_dir() and not site.is_symlink() and plain_tree(site) == sorted(FILES)
    assert release_of((site / "index.html").read_bytes()) == 1
    assert releases.published(site) == stamp
    kept = releases.releases(site)
    assert [p.name for p in kept] == [releases.MIGRATED]
    assert (kept[0] / "old.html").read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.releases", "site"]


def test_a_site_left_a_symlink_by_an_earlier_bixue_becomes_a_folder_its_releases_kept(tmp_path):
    site = tmp_path / "site"
    old = releases.releases_dir(site) / "20260101T000000000000"
    old.mkdir(parents=True)
    (old / "old.html").write_text("old", "utf-8")
    site.symlink_to(os.path.relpath(old, tmp_path))
    assert releases.published(site) == old.name
    publish(site, 1)
    assert not site.is_symlink() and plain_tree(site) == sorted(FILES)
    assert releases.releases(site) == [old] and (old / "old.html").read_text("utf-8") == "old"
    assert releases.rollback(site) == old.name
    assert plain_tree(site) == ["old.html"]


def test_the_last_releases_are_kept_and_rollback_goes_back_one_at_a_time(tmp_path):
    site = tmp_path / "site"
    for number in range(1, 9):
        publish(site, number)
    stamps = releases.names(site)
    assert len(stamps) == releases.KEEP and releases.published(site) == stamps[-1]
    assert [p.name for p in releases.releases(site)] == stamps[:-1]
    assert releases.rollback(site) == stamps[-2]
    assert release_of((site / "index.html").read_bytes()) == 7
    releases.rollback(site)
    assert release_of((site / "index.html").read_bytes()) == 6
    assert releases.names(site) == stamps  # the rolled-back releases are kept, by their stamps
    assert release_of((releases.releases_dir(site) / stamps[-1] / "index.html").read_bytes()) == 8
    publish(site, 9)  # a new publish after a rollback is the newest, the rolled-back one kept
    assert release_of((site / "index.html").read_bytes()) == 9
    assert releases.names(site) == [*stamps[1:], releases.published(site)]
    for number in (8, 7, 6, 5):
        releases.rollback(site)
        assert release_of((site / "index.html").read_bytes()) == number
    with pytest.raises(LookupError):
        releases.rollback(site)
    assert not site.is_symlink() and plain_tree(site) == sorted(FILES)


def test_the_rollback_command_needs_no_mkdocs(tmp_path):
    site = tmp_path / "site"
    for number in (1, 2, 3):
        publish(site, number)
    script = ROOT / "scripts" / "rollback.py"
    # With mkdocs made unimportable, the command must still work.
    guard = (
        "import runpy, sys; sys.modules['mkdocs'] = None;"
        f"sys.argv = [{str(script)!r}, sys.argv[1]];"
        "runpy.run_path(sys.argv[0], run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", guard, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert release_of((site / "index.html").read_bytes()) == 2
    # The shell command, given the site relative to where it is run.
    shell = ["bash", str(ROOT / "scripts" / "rollback.sh")]
    listed = subprocess.run(
        [*shell, "--list", "site"], cwd=tmp_path, capture_output=True, text=True
    )
    assert [line[0] for line in listed.stdout.splitlines()] == [" ", "*", " "]
    assert subprocess.run([*shell, "site"], cwd=tmp_path).returncode == 0
    assert release_of((site / "index.html").read_bytes()) == 1
    again = subprocess.run([*shell, "site"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 1 and "更早" in again.stderr  # nothing older: the site stays
    assert release_of((site / "index.html").read_bytes()) == 1


OPENER = """
import os, sys, time
path, stop, limit = sys.argv[1], sys.argv[2], time.monotonic() + 60
opens = failures = 0
while (opens + failures) % 1000 or not os.path.exists(stop) and time.monotonic() < limit:
    try:
        with open(path, "rb") as handle:
            handle.read(16)
        opens += 1
    except OSError:
        failures += 1
print(opens, failures)
"""
"""Opens as fast as a process can, beside the publisher (not in its process, where the GIL
would hide a moment without a site folder)."""


def serve(site: Path) -> tuple:
    """`python -m http.server` over the site path, in its own process, and its port."""
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    server = subprocess.Popen(
        [*command, "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("HEAD", "/")
            return server, port
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("http.server did not start")


class Readers:
    """Threads fetching random pages of the served site until stopped."""

    def __init__(self, port: int, threads: int = 3):
        self.port = port
        self.stop = threading.Event()
        self.reads, self.failures = 0, []
        self.threads = [threading.Thread(target=self.fetch) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def fetch(self) -> None:
        rng = random.Random(threading.get_ident())
        while not self.stop.is_set():
            name = rng.choice(FILES)
            connection = self.connect()  # http.server closes after each response
            try:
                connection.request("GET", "/" + name.removesuffix("index.html"))
                response = connection.getresponse()
                body = response.read()
                assert response.status == 200, f"{response.status} for {name}"
                assert len(body) == int(response.headers["Content-Length"])
                release_of(body)
                self.reads += 1
            except (AssertionError, ValueError, IndexError, OSError) as error:
                self.failures.append(f"{name}: {error!r}")
            finally:
                connection.close()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=20)


def hammer(site: Path, publishes: int, rollback_at: int) -> dict:
    """Publish (and roll back once) while readers fetch and open files; what they saw."""
    server, port = serve(site)
    stop = site.with_name("stop-opening")
    opener = subprocess.Popen(
        [sys.executable, "-c", OPENER, str(site / "index.html"), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    readers = Readers(port)
    deadline = time.monotonic() + 20
    try:
        for number in range(1, publishes + 1):
            publish(site, number)
            if number == rollback_at:
                releases.rollback(site)
            time.sleep(0.02)
            if time.monotonic() > deadline:
                break
    finally:
        readers.finish()
        stop.touch()
        server.terminate()
        server.wait(10)
    opened = opener.communicate(timeout=10)[0].split()
    return {
        "publishes": number,
        "reads": readers.reads,
        "failures": readers.failures,
        "opens": int(opened[0]) if opened else 0,
        "failed_opens": int(opened[1]) if opened else -1,
    }


def test_readers_never_see_a_missing_or_mixed_file_across_publishes_and_a_rollback(tmp_path):
    site = tmp_path / "site"
    site.mkdir()  # a plain folder first, as before releases existed: the first publish migrates
    for name in FILES:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(release_body(name, 0))
    seen = hammer(site, publishes=40, rollback_at=25)
    print(
        seen["publishes"], "publishes, 1 rollback:", seen["reads"], "reads,", seen["opens"], "opens"
    )
    assert seen["failures"] == [] and seen["failed_opens"] == 0
    assert seen["publishes"] >= 25 and seen["reads"] > 200


def test_without_an_atomic_exchange_publish_and_rollback_keep_every_release(tmp_path, monkeypatch):
    monkeypatch.setattr(releases, "exchange", lambda first, second: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    publish(site, 1)
    assert not site.is_symlink() and release_of((site / "index.html").read_bytes()) == 1
    assert (releases.releases(site)[0] / "old.html").read_text("utf-8") == "old"
    publish(site, 2)
    releases.rollback(site)
    assert release_of((site / "index.html").read_bytes()) == 1
    assert sorted(p.name for p in site.parent.iterdir()) == [".site.releases", "site"]

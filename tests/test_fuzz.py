"""Property: whatever bytes or text any data file holds, loading the campaign gives a board or the
project's own DataErrors — never another exception, never a hang.

Each example replaces one file of the valid minimal campaign (tests/golden/valid-minimal) and
builds the board with bixue.build.load_board, internal or public. Strategies: arbitrary bytes,
arbitrary text, the valid file with one value replaced by a hostile one, and YAML of arbitrary
shape. Bounded for CI (a few hundred examples in all); `scripts/fuzz_loader.py` runs many more
(BIXUE_FUZZ_EXAMPLES sets the number per test).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
from pathlib import Path

import pytest
import yaml
from bixue import build
from bixue.errors import DataErrors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_golden_errors import VALID

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    "campaign.yml",
    "units.yml",
    "indicators.yml",
    "evaluations.yml",
    "rectifications/first.yml",
    "exemplars/smile-service.md",
    "notices/kickoff.md",
)
EXAMPLES = int(os.environ.get("BIXUE_FUZZ_EXAMPLES", "12"))
HANG = int(os.environ.get("BIXUE_FUZZ_HANG_SECONDS", "30"))
"""An example taking longer than this is a hang (a normal one takes milliseconds)."""

FUZZ = settings(
    max_examples=EXAMPLES,
    # Loading takes milliseconds, but the machine is shared: a time limit per example would fail
    # at random. Hangs are caught by the alarm below instead.
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    database=None,
)


class Hang(Exception):
    """An example ran past HANG seconds."""


def alarm(signum, frame):
    raise Hang(f"loading took more than {HANG} s")


@pytest.fixture(scope="module")
def project():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def load(project: Path, name: str, content: bytes, public: bool) -> None:
    """Load the valid campaign with `name` replaced by `content`: a board or DataErrors."""
    data = project / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(VALID, data)
    (data / name).write_bytes(content)
    environ = {"BOARD_DATA": str(data), "BOARD_PROFILE": "public" if public else "internal"}
    guarded = threading.current_thread() is threading.main_thread()
    if guarded:
        signal.signal(signal.SIGALRM, alarm)
        signal.alarm(HANG)
    try:
        build.load_board(project, {**environ, "BOARD_AS_OF": "2014-06-30"}, "http://x.test/")
    except DataErrors as errors:
        assert errors.errors, "DataErrors without an error"
        assert all(str(error).startswith("data/") for error in errors.errors)
    finally:
        if guarded:
            signal.alarm(0)


# --- strategies --------------------------------------------------------------------------------

HOSTILE = st.sampled_from(
    [
        *"1e400 -1e400 .nan .inf NaN 1_000 0x1F -1 0 366 1000000000000000 3.5 true false".split(),
        *"2014-02-30 2014-09-31 0214-03-01 9999-12-31 0001-01-01 12:30:00 0571 ~ null".split(),
        *"yes - ? !!python/object:os.system &a *a | > ' \" \\ ]] }} [] {} '' index".split(),
        *"assets feed ../../../etc/passwd /etc/passwd photos/before.jpg <script>x</script>".split(),
        *("\x00", "\x1b[31m", "\u202e", "\u2066", '"\\e\\u202e"', "\t", "\r", "\x85", "\u2028"),
        *("9" * 5000, "0" * 300 + "1", "`" * 3000, "[" * 300, "{" * 300, "长" * 1200),
        *("[" * 101 + "]" * 101, "{a: {b: {c: [1, [2, [3]]]}}}"),
    ]
)
VALUE = st.one_of(HOSTILE, st.text(max_size=40), st.integers().map(str), st.floats().map(str))
SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30), st.dates()
)
SHAPE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["id", "name", "date", "x", "status", "unit"]), inner),
    ),
    max_leaves=20,
)
ENTRY = re.compile(r"^(\s*(?:- )?[a-z_]+: )(.+)$", re.M)


@st.composite
def mutated(draw, name: str) -> bytes:
    """The valid file with the values of one or more `key: value` lines replaced."""
    text = (VALID / name).read_text(encoding="utf-8")
    entries = list(ENTRY.finditer(text))
    chosen = draw(st.lists(st.sampled_from(entries), min_size=1, max_size=3, unique_by=id))
    for entry in sorted(chosen, key=lambda match: match.start(), reverse=True):
        start, end = entry.span(2)
        text = text[:start] + draw(VALUE) + text[end:]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def shaped(draw, name: str) -> bytes:
    """YAML of any shape, as front matter for a Markdown file."""
    document = yaml.safe_dump(draw(SHAPE), allow_unicode=True)
    if name.endswith(".md"):
        document = f"---\n{document}---\n{draw(st.text(max_size=200))}\n"
    return document.encode("utf-8", "surrogatepass")


# --- properties --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(content=st.binary(max_size=3000), public=st.booleans())
def test_arbitrary_bytes(project, name, content, public):
    load(project, name, content, public)


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(content=st.text(max_size=3000), public=st.booleans())
def test_arbitrary_text(project, name, content, public):
    load(project, name, content.encode("utf-8", "surrogatepass"), public)


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(data=st.data(), public=st.booleans())
def test_a_valid_file_with_hostile_values(project, name, data, public):
    load(project, name, data.draw(mutated(name)), public)


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(data=st.data(), public=st.booleans())
def test_yaml_of_any_shape(project, name, data, public):
    load(project, name, data.draw(shaped(name)), public)

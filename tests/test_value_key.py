"""value_key: a block's inputs digested whole, so that serve never shows a stale block."""

from __future__ import annotations

import dataclasses
import datetime
from fractions import Fraction

import pytest
from bixue import render
from bixue.model import Origin, Unit
from bixue.session import value_key
from bixue.session.build_session import BuildSession
from bixue.session.cache import Cache
from markupsafe import Markup


@dataclasses.dataclass(frozen=True)
class Item:
    id: str
    done: Fraction
    tags: tuple
    origin: Origin = Origin("data/x.yml", 1)


@dataclasses.dataclass
class Mutable:
    id: str


def digest(**context) -> str:
    return value_key.Keys().digest("block.html", context)


def item(**changes) -> Item:
    values = {"id": "ZG-1", "done": Fraction(1, 3), "tags": ("a", "b")}
    return Item(**{**values, **changes})


def test_every_field_of_a_record_and_every_item_of_a_container_counts():
    base = digest(rows=[item()], here="rectification/")
    assert digest(rows=[item()], here="rectification/") == base
    assert digest(rows=[item(id="ZG-2")], here="rectification/") != base
    assert digest(rows=[item(done=Fraction(1, 2))], here="rectification/") != base
    assert digest(rows=[item(tags=("a",))], here="rectification/") != base
    assert digest(rows=[item(), item()], here="rectification/") != base
    assert digest(rows=[item()], here="units/u1/") != base
    assert digest(rows={"a": item()}) != digest(rows={"b": item()})


def test_types_count_where_the_output_would_differ():
    assert digest(text="<b>") != digest(text=Markup("<b>"))  # one is escaped, one is not
    assert digest(value=1) != digest(value="1")
    assert digest(value=1) != digest(value=True)
    assert digest(value=Fraction(1, 2)) != digest(value=0.5)
    assert digest(day=datetime.date(2026, 1, 2)) != digest(day=datetime.date(2026, 1, 3))
    assert digest(a="x", b="y") != digest(a="y", b="x")


def test_a_frozenset_is_its_members_in_any_order():
    assert digest(late=frozenset({"u1", "u2"})) == digest(late=frozenset({"u2", "u1"}))
    assert digest(late=frozenset({"u1", "u2"})) != digest(late=frozenset({"u1"}))
    assert digest(late=frozenset({"u1"})) != digest(late=("u1",))


def test_where_a_record_was_written_does_not_count():
    moved = item(origin=Origin("data/x.yml", 40, {"id": 40}))
    assert digest(rows=[moved]) == digest(rows=[item()])


def test_a_function_is_its_name_and_a_method_its_record_and_name():
    assert digest(url=render.page_url) == digest(url=render.page_url)
    assert digest(url=render.page_url) != digest(url=render.md_text)

    @dataclasses.dataclass(frozen=True)
    class Box:
        value: str

        def shown(self) -> str:
            return self.value

    assert digest(f=Box("a").shown) == digest(f=Box("a").shown)
    assert digest(f=Box("a").shown) != digest(f=Box("b").shown)


@pytest.mark.parametrize(
    "value",
    [Mutable("x"), object(), (lambda held: lambda: held)(1), [{"a": Mutable("x")}], {1, 2}],
)
def test_what_cannot_be_digested_is_unkeyable(value):
    with pytest.raises(value_key.Unkeyable):
        digest(value=value)


def counted_parts(keys) -> list:
    """The kinds of value `keys` digests from now on, in order."""
    calls: list = []
    original = keys._part

    def counting(value):
        calls.append(type(value))
        return original(value)

    keys._part = counting
    return calls


def test_a_record_is_digested_once_a_build():
    keys, shared = value_key.Keys(), item()
    keys.digest("a.html", {"rows": [shared]})
    calls = counted_parts(keys)
    keys.digest("b.html", {"rows": [shared]})
    assert Fraction not in calls  # its fields were not read again


def test_a_record_kept_from_the_last_load_is_not_digested_again_in_the_next_build():
    loaded, kept = Unit("north", "北区"), Cache()  # the loader's record; the session's digests
    first = value_key.Keys(kept).digest("a.html", {"rows": [loaded]})
    kept.start_build()
    keys = value_key.Keys(kept)  # the next build's
    calls = counted_parts(keys)
    assert keys.digest("a.html", {"rows": [loaded]}) == first
    assert str not in calls  # its fields were not read again
    # a record made anew from it is another record: digested again, and equal
    again = dataclasses.replace(loaded)
    assert again == loaded and repr(again) == repr(loaded)
    calls.clear()
    assert keys.digest("a.html", {"rows": [again]}) == first
    assert str in calls


def test_only_the_loaders_and_lent_records_have_their_digests_kept_for_the_next_build():
    kept = Cache()
    value_key.Keys(kept).digest("a.html", {"rows": [item()], "unit": Unit("north", "北区")})
    assert [type(record) for record, _digest in kept.current.values()] == [Unit]
    lent = Lent("north", Fraction(1, 2))  # a board's record the next board may take again
    value_key.Keys(kept).digest("b.html", {"rows": [lent, item()]})
    assert {type(record) for record, _digest in kept.current.values()} == {Unit, Lent}


@dataclasses.dataclass(frozen=True)
class Lent:
    unit: str
    completion: Fraction
    lent = True


def test_blocks_are_kept_only_while_keeping_and_by_their_values(monkeypatch):
    rendered = []
    monkeypatch.setattr(render, "_render_block", lambda t, c: rendered.append(c) or repr(c))
    session = BuildSession(serving=True)
    with session.active():
        render.start_build(session)
        render.render_block("x.html", rows=[item()])
        render.start_build(session)  # the next serve build
        assert render.render_block("x.html", rows=[item()]) == repr({"rows": [item()]})
        render.render_block("x.html", rows=[item(id="ZG-9")])
        render.render_block("x.html", value=Mutable("m"))  # unkeyable: rendered, not kept
        render.render_block("x.html", value=Mutable("m"))
    assert len(rendered) == 4
    plain = BuildSession()
    with plain.active():
        render.start_build(plain)
        render.render_block("x.html", rows=[item()])
    assert len(rendered) == 5 and not plain.blocks.current


def test_a_record_kind_may_refuse_to_be_digested():
    @dataclasses.dataclass(frozen=True)
    class Whole:
        items: tuple
        digested = False

    with pytest.raises(value_key.Unkeyable):
        digest(board=Whole((item(),)))
    assert digest(rows=[item()])  # the records it holds still are


def test_records_of_one_field_or_none_are_digested_too():
    @dataclasses.dataclass(frozen=True)
    class One:
        name: str

    @dataclasses.dataclass(frozen=True)
    class Empty:
        pass

    assert digest(value=One("a")) != digest(value=One("b"))
    assert digest(value=Empty()) == digest(value=Empty())
    assert digest(value=Empty()) != digest(value=One("a"))


@pytest.mark.parametrize("size", [1, value_key.SHORT * 2])
def test_a_record_of_the_build_short_or_long_counts_whole(size):
    """A short record made for one build is its own text, a long one is digested: either way
    every field counts and equal records key alike."""
    kept = Cache()
    long_id = "ZG-" + "9" * size
    first = value_key.Keys(kept).digest("b", {"rows": (item(id=long_id), item())})
    same = value_key.Keys(kept).digest("b", {"rows": (item(id=long_id), item())})
    other = value_key.Keys(kept).digest("b", {"rows": (item(id=long_id), item(tags=("a",)))})
    moved = value_key.Keys(kept).digest("b", {"rows": (item(), item(id=long_id))})
    assert first == same
    assert len({first, other, moved}) == 3

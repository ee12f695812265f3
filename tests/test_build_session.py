"""The build session: the one owner of what is kept from one build to the next."""

from __future__ import annotations

from bixue.adapter.plugin import BixuePlugin
from bixue.session import build_session
from bixue.session.build_session import BuildSession
from bixue.session.cache import Cache


def test_a_cache_gives_the_last_builds_value_and_forgets_what_a_build_did_not_ask_for():
    cache, made = Cache(), []
    assert cache.get("a", lambda: made.append("a") or "A") == "A"
    cache.get("b", lambda: made.append("b") or "B")
    cache.start_build()
    assert cache.get("a", lambda: made.append("a") or "A2") == "A"  # kept from the last build
    assert (cache.made, cache.reused) == (0, 1)
    cache.start_build()  # "b" was not asked for in the last build
    assert cache.get("b", lambda: made.append("b") or "B2") == "B2"
    assert cache.get("a", lambda: "A3", valid=lambda value: value != "A") == "A3"
    assert made == ["a", "b", "b"]
    cache.forget()
    assert cache.previous == cache.current == {}


def test_only_a_serve_session_keeps_blocks_from_one_build_to_the_next():
    serving, plain = BuildSession(serving=True), BuildSession()
    for session in (serving, plain):
        session.start_build()
        session.blocks.get("k", lambda: "made")
        session.start_build()
    assert serving.keeping and serving.blocks.previous == {"k": "made"}
    assert not plain.keeping and plain.blocks.previous == {}


def test_a_session_is_the_builds_only_while_it_runs():
    session = BuildSession()
    assert build_session.current() is None
    with session.active():
        assert build_session.current() is session
    assert build_session.current() is None


def test_serving_is_decided_at_start_up_and_a_new_mode_starts_a_new_session():
    plugin = BixuePlugin()
    plugin.on_startup(command="serve", dirty=False)
    first = plugin.session
    assert first.serving and not first.dirty
    plugin.on_startup(command="serve", dirty=False)  # the same serve: what it kept stays
    assert plugin.session is first
    plugin.on_startup(command="build", dirty=False)
    assert plugin.session is not first and not plugin.session.serving
    plugin.on_startup(command="serve", dirty=True)
    assert plugin.session.serving and plugin.session.dirty

"""publish_names: a case whose people agreed keeps their names in full in the public build, on
that case only."""

from __future__ import annotations

from bixue import build, generate
from conftest import ROOT, load_errors, minimal_campaign

CASE = "toilet-revolution"
PEOPLE = ("刘素芳", "彭海军")


def consent(data, value: str = "true") -> None:
    case = data / "exemplars" / f"{CASE}.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace(
            "people: [刘素芳, 彭海军]\n", f"people: [刘素芳, 彭海军]\npublish_names: {value}\n"
        ),
        encoding="utf-8",
    )


def named_in(board) -> set:
    """Pages and files of the generated site that hold either person's full name."""
    out = generate.generate(board)
    found = {p.src_uri for p in out.pages if any(name in p.markdown for name in PEOPLE)}
    for file in out.files:
        content = file.content
        if isinstance(content, bytes):
            content = content.decode("utf-8", errors="ignore")
        if content and any(name in content for name in PEOPLE):
            found.add(file.dest_uri)
    return found


def test_the_case_keeps_its_people_there_only(data_copy):
    consent(data_copy)
    board = build.load_board(ROOT, {"BOARD_DATA": str(data_copy), "BOARD_PROFILE": "public"}, "")
    case = next(case for case in board.campaign.exemplars if case.slug == CASE)
    assert case.publish_names and case.people == PEOPLE
    # the same persons elsewhere: 凤泉's contact, ledger owners
    assert board.unit("fengquan").contact == "刘＊"
    owners = {row.item.owner for row in board.ledger if row.item.owner.startswith("彭")}
    assert owners == {"彭＊"}
    others = [c for c in board.campaign.exemplars if c.slug != CASE]
    assert all(person.endswith("＊") for c in others for person in c.people)
    assert named_in(board) == {f"exemplars/{CASE}.md"}


def test_without_consent_the_public_build_masks_them(data_copy):
    consent(data_copy, "false")
    board = build.load_board(ROOT, {"BOARD_DATA": str(data_copy), "BOARD_PROFILE": "public"}, "")
    assert next(c for c in board.campaign.exemplars if c.slug == CASE).people == ("刘＊", "彭＊")
    assert named_in(board) == set()


def test_publish_names_must_be_yes_or_no(tmp_path):
    data = minimal_campaign(tmp_path)
    (data / "exemplars").mkdir(exist_ok=True)
    text = (
        "---\ntitle: 好做法\nunit: {unit}\ndate: 2014-06-01\ncategory: 好做法\n"
        "publish_names: 同意\n---\n正文\n"
    )
    unit = (data / "units.yml").read_text(encoding="utf-8").split("id:")[1].split()[0]
    (data / "exemplars" / "case.md").write_text(text.format(unit=unit), encoding="utf-8")
    errors = load_errors(data)
    assert [(e.path, e.field) for e in errors] == [("data/exemplars/case.md", "publish_names")]

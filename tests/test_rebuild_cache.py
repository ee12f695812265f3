"""`mkdocs serve` rebuilds on each edit: unchanged files are not read again, nor downloads made."""

from __future__ import annotations

import datetime
import shutil

from bixue import build
from bixue.load import load_campaign, yaml_pieces
from bixue.outputs import downloads
from bixue.session.build_session import BuildSession
from conftest import ROOT


def test_only_a_changed_file_is_read_again(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    session = BuildSession(serving=True)
    first = load_campaign(data, project_dir=tmp_path, kept=session)
    parsed = []
    real = yaml_pieces.parse_yaml
    monkeypatch.setattr(
        yaml_pieces,
        "parse_yaml",
        lambda text, path, line=1: parsed.append(path) or real(text, path, line),
    )
    assert load_campaign(data, project_dir=tmp_path, kept=session) == first
    assert parsed == []
    ledger = data / "rectifications" / "2014-peer-review.yml"
    ledger.write_text(ledger.read_text("utf-8").replace("id: ZG-2014-0", "id: ZG-2014-9"), "utf-8")
    changed = load_campaign(data, project_dir=tmp_path, kept=session)
    assert set(parsed) == {"data/rectifications/2014-peer-review.yml"}
    assert {item.id for item in changed.ledger} != {item.id for item in first.ledger}


def test_downloads_are_made_again_only_when_the_ledger_changed():
    board = build.load_board(ROOT, {}, "")
    with BuildSession(serving=True).active():
        once, again = downloads.files(board), downloads.files(board)
        assert once[0].content is again[0].content
        later = build.load_board(ROOT, {"BOARD_AS_OF": "2014-10-31"}, "")
        assert later.as_of == datetime.date(2014, 10, 31)
        assert downloads.files(later)[0].content == downloads.ledger_xlsx(later)
        assert downloads.files(later)[0].content is not once[0].content


def test_an_edited_item_makes_only_its_own_download_row_again(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    session = BuildSession(serving=True)

    def rebuilt():
        session.start_build()
        board = build.load_board(tmp_path, {"BOARD_DATA": str(data)}, "", session)
        with session.active():
            return board, downloads.files(board)

    board, _ = rebuilt()
    assert session.ledger_lines.made == len(board.listed_ledger())
    ledger = data / "rectifications" / "2014-peer-review.yml"
    text = ledger.read_text("utf-8")
    ledger.write_text(text.replace("problem: ", "problem: 复查：", 1), "utf-8")
    board, made = rebuilt()
    assert session.ledger_lines.made == 1
    assert [file.content for file in made] == [
        downloads.ledger_xlsx(board),
        downloads.ledger_csv(board),
    ]
    assert "复查：".encode() in made[1].content

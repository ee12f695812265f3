"""An office's own 通报 template: its 红头 kept, placeholders filled, the body at {{正文}}."""

from __future__ import annotations

import io

import docx
from bixue import build, report
from conftest import ROOT, load_errors
from docx.enum.text import WD_ALIGN_PARAGRAPH


def office_template(path, body: str = "{{正文}}") -> None:
    """A 红头 template as an office makes one: red heading, 文号, title, body, date."""
    document = docx.Document()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("濮鹤片区互学互比办公室文件")
    run.font.color.rgb = docx.shared.RGBColor(0xE0, 0, 0)
    number = document.add_paragraph()
    number.add_run("濮鹤办")
    number.add_run("{{文")  # Word splits a placeholder over runs when it is typed in pieces
    number.add_run("号}}")
    document.add_paragraph("{{标题}}")
    document.add_paragraph("{{主送}}")
    document.add_paragraph(body)
    document.add_paragraph("{{发文机关}}")
    document.add_paragraph("{{日期}}")
    document.sections[0].footer.paragraphs[0].text = "抄送：{{发文机关}}"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


def test_the_template_keeps_its_heading_and_takes_the_body(data_copy):
    office_template(data_copy / "templates" / "通报.docx")
    board = build.load_board(ROOT, {"BOARD_DATA": str(data_copy)}, "")
    document = docx.Document(io.BytesIO(report.document(board)))
    lines = [p.text for p in document.paragraphs]
    title = f"关于{board.campaign.plan.title}进展情况的通报"
    assert lines[:4] == ["濮鹤片区互学互比办公室文件", "濮鹤办〔2014〕　号", title, "各单位："]
    assert lines[4].startswith("截至2014年10月20日")
    assert lines[-2:] == [board.campaign.plan.organization, "2014年10月20日"]
    assert not [line for line in lines if "{{" in line]
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer == "抄送：" + board.campaign.plan.organization
    built_in = docx.Document(io.BytesIO(report.docx_layout.built_in(report.gather(board))))
    body = [p.text for p in built_in.paragraphs][3:-3]
    assert lines[4:-2] == body
    assert len(document.tables) == len(built_in.tables)
    assert document.paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(0xE0, 0, 0)


def test_a_template_without_the_body_placeholder_is_an_error(tmp_path):
    from conftest import minimal_campaign

    data = minimal_campaign(tmp_path)
    office_template(data / "templates" / "通报.docx", body="正文")
    (error,) = load_errors(data)
    assert error.path.endswith("data/templates/通报.docx")
    assert "{{正文}}" in error.message and "{{正文}}" in error.hint


def test_a_template_that_is_not_a_word_document_is_an_error(tmp_path):
    from conftest import minimal_campaign

    data = minimal_campaign(tmp_path)
    (data / "templates").mkdir()
    (data / "templates" / "通报.docx").write_text("not a document", encoding="utf-8")
    (error,) = load_errors(data)
    assert error.path.endswith("data/templates/通报.docx") and "Word" in error.message

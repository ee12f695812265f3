"""The public build refuses what it must not publish, naming file and line, site untouched."""

from __future__ import annotations

import shutil

from conftest import ROOT, build_site

DEMO = ROOT / "data"


def test_pasted_numbers_and_links_to_internal_pages_stop_the_public_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    notice = data / "notices" / "mobilization-plan.md"
    lines = notice.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines += [
        "",
        "咨询电话：１３９ １２３４\u00a05678。",
        "",
        "详见[内部通报](../overdue-rectification-supervision/)。",
        "",
        "联系人身份证 410928-19800101-123Ｘ",
    ]
    notice.write_text("\n".join(lines) + "\n", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published", "utf-8")
    result = build_site(site, data, BOARD_PROFILE="public")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    where = "data/notices/mobilization-plan.md"
    count = len(lines)
    assert (
        f"{where}:{count - 4}: body: 公开版不得发布手机号码，发现 '１３９ １２３４\u00a05678'"
        in result.stderr
    )
    assert (
        f"{where}:{count - 2}: body: 链接 '../overdue-rectification-supervision/'" in result.stderr
    )
    assert f"{where}:{count}: body: 公开版不得发布18位身份证号码" in result.stderr
    assert (site / "index.html").read_text("utf-8") == "published"

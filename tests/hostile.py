"""A campaign whose every title-like field, file name and photo carries attack strings."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

ATTACK = (
    '"><img src=x onerror=alert(1)>'
    "'><svg onload=alert(2)>"
    "</title><script>alert(3)</script>"
    "{{7*7}}`${7*7}`"
    "javascript:alert(4)"
    "&lt;/title&gt;&lt;img src=x onerror=alert(5)&gt;"
    '<a href="https://evil.example/">链接</a><span style="font-size:99px">大</span>'
)
"""Markup, a template expression and a script link, plain and entity-escaped: for plain text."""
MD_ATTACK = (
    "&quot;&gt;&lt;img src=x onerror=alert(6)&gt; &lt;/title&gt;&lt;script&gt;alert(7)"
    "&lt;/script&gt; {{7*7}} javascript:alert(8) =cmd|' /C calc'!A0"
)
"""The same for Markdown fields, which refuse raw HTML: entities, which must stay text."""
FORMULA = '=HYPERLINK("https://evil.example/","点我")'
"""A spreadsheet formula at the start of a cell."""
PERSON = "李彩丽"
"""A unit contact, named again in free text and photo metadata: masked in the public build."""
LEADER = "韩振东"
FILE_ATTACK = '"><img src=x onerror=alert(9)> ' + PERSON + " #1 50%"
"""A file name: markup, a person, and what breaks URLs (space, #, %)."""


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def photo(path: Path, colour: str) -> None:
    """A JPEG as a phone writes it: GPS, owner and a description naming a person."""
    exif = Image.Exif()
    exif[0x013B] = "Li Caili"
    exif[0x010E] = f"{PERSON} {ATTACK}"
    exif.get_ifd(0x8825).update({1: "N", 2: (34.0, 45.0, 30.0), 3: "E", 4: (115.0, 1.0, 2.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    xmp = f"<x:xmpmeta>{PERSON}</x:xmpmeta>".encode()
    comment = f"{PERSON} {ATTACK}".encode()
    Image.new("RGB", (320, 200), colour).save(
        path, "JPEG", exif=exif.tobytes(), xmp=xmp, comment=comment
    )


def campaign_yml(attack: str) -> str:
    return f"""\
title: {q(FORMULA + " 活动" + attack)}
short_title: {q("短" + attack)}
organization: {q("组织" + attack)}
theme: {q("口号" + attack)}
period: {{start: 2014-03-01, end: 2014-12-31}}
as_of: 2014-06-30
goals: [{q("目标 " + MD_ATTACK)}]
phases:
  - id: one
    name: {q("阶段" + attack)}
    start: 2014-03-01
    end: 2014-12-31
    description: {q("说明 " + MD_ATTACK)}
leading_group:
  - role: {q("组长" + attack)}
    members: [{LEADER}]
pairs:
  - [alpha, beta]
requirements: [{q("要求 " + MD_ATTACK)}]
"""


def units_yml(attack: str) -> str:
    return f"""\
- id: alpha
  name: {q("甲单位" + attack)}
  short: {q("甲" + attack)}
  group: {q("组" + attack)}
  contact: {PERSON}
- id: beta
  name: {q(FORMULA + "乙单位")}
  short: 乙
  contact: 王建新
"""


def indicators_yml(attack: str) -> str:
    return f"""\
periods: [2014-Q1, 2014-Q2]
indicators:
  - id: revenue
    name: {q("收入" + attack)}
    unit: {q("万元" + attack)}
    target: 100
    values:
      alpha: {{2014-Q1: 20, 2014-Q2: 45}}
      beta: {{2014-Q1: 30}}
"""


def evaluations_yml(attack: str) -> str:
    return f"""\
criteria:
  - {{id: service, name: {q("服务" + attack)}, max: 30}}
rounds:
  - id: q1
    name: {q("第一轮" + attack)}
    date: 2014-04-10
    scores:
      alpha: {{service: 25}}
      beta: {{service: 27}}
  - id: q2
    name: {q("第二轮" + attack)}
    date: 2014-06-10
    scores:
      alpha: {{service: 28}}
      beta: {{service: 26}}
levels:
  - {{min: 20, label: {q("星级" + attack)}}}
"""


def ledger_yml(attack: str, photo_name: str) -> str:
    return f"""\
- id: ZG-1
  unit: alpha
  source: {q("来源" + attack)}
  category: {q(FORMULA)}
  problem: {q(PERSON + "反映 " + MD_ATTACK)}
  measures: {q("由" + PERSON + "和" + LEADER + "负责 " + MD_ATTACK)}
  owner: {PERSON}
  found: 2014-04-01
  deadline: 2014-05-01
  status: doing
  updates:
    - {{date: 2014-04-20, note: {q(PERSON + "回访 " + MD_ATTACK)}}}
  photos:
    before: {q("photos/" + photo_name + ".jpg")}
"""


def case_md(attack: str, cover_name: str) -> str:
    return f"""\
---
title: {q("典型" + attack)}
unit: alpha
date: 2014-05-01
category: {q("类别" + attack)}
summary: {q("摘要" + PERSON + " " + MD_ATTACK)}
people: [{PERSON}]
tags: [{q("标签" + attack)}, {q(FORMULA)}]
cover: {q("covers/" + cover_name + ".jpg")}
---
{PERSON}的故事。 {MD_ATTACK}

![{PERSON}在岗位上 {MD_ATTACK}](covers/{cover_name.replace(" ", "%20")}.jpg)
"""


def notice_md(attack: str) -> str:
    return f"""\
---
title: {q("通知" + attack)}
date: 2014-06-01
pinned: true
---
表扬{PERSON}。 {MD_ATTACK}
"""


def projects_yml(attack: str, photo_name: str) -> str:
    return f"""\
groups:
  - {{id: works, name: {q("工程" + attack)}}}
projects:
  - id: hostile
    name: {q(FORMULA + "项目" + attack)}
    group: works
    unit: alpha
    leader: {LEADER}
    owner: {PERSON}
    plan: 100
    invested: {{2014-05-31: 40}}
    milestones:
      - {{name: {q("节点" + attack)}, planned: 2014-06-01, done: 2014-05-30}}
      - {{name: {q(FORMULA)}, planned: 2014-09-30}}
    progress:
      - {{date: 2014-06-20, note: {q(PERSON + "到场 " + MD_ATTACK)}}}
    photos: [{q("rectifications/photos/" + photo_name + ".jpg")}]
"""


def activities_yml(attack: str, photo_name: str) -> str:
    return f"""\
- date: 2014-05-09
  kind: {q("观摩" + attack)}
  title: {q(FORMULA + "交流" + attack)}
  host: alpha
  guests: [beta]
  people: 3
  summary: {q(PERSON + "介绍 " + MD_ATTACK)}
  photos: [{q("rectifications/photos/" + photo_name + ".jpg")}]
"""


def achievements_yml(attack: str) -> str:
    return f"""\
- date: 2014-06-12
  unit: alpha
  title: {q(FORMULA + "荣誉" + attack)}
  kind: {q("表彰" + attack)}
  level: 省级
  grade: {q("一等奖" + attack)}
  people: [{PERSON}, {LEADER}]
"""


def write_campaign(data: Path, attack: str = ATTACK, file_attack: str = FILE_ATTACK) -> Path:
    """The hostile campaign in `data` (created); returns it."""
    files = {
        "campaign.yml": campaign_yml(attack),
        "units.yml": units_yml(attack),
        "indicators.yml": indicators_yml(attack),
        "evaluations.yml": evaluations_yml(attack),
        "rectifications/ledger.yml": ledger_yml(attack, file_attack),
        "exemplars/hostile.md": case_md(attack, file_attack),
        "notices/hostile.md": notice_md(attack),
        "projects.yml": projects_yml(attack, file_attack),
        "activities.yml": activities_yml(attack, file_attack),
        "achievements.yml": achievements_yml(attack),
    }
    for name, text in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    photo(data / "rectifications" / "photos" / f"{file_attack}.jpg", "red")
    photo(data / "exemplars" / "covers" / f"{file_attack}.jpg", "blue")
    return data

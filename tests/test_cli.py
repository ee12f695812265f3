"""The `bixue` command's parser: help and mistakes in Chinese, the project found from below it."""

from __future__ import annotations

import re

import pytest
from bixue.__main__ import find_project, main
from conftest import ROOT


def test_help_lists_every_command_in_chinese(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    shown = capsys.readouterr().out
    assert stopped.value.code == 0 and shown.startswith("用法：bixue ")
    commands = dict(re.findall(r"^    (\w+)\s+(\S.*)$", shown, re.M))
    assert set(commands) >= {"render", "check", "templates"}
    assert re.findall(r"^(\S+):$", shown, re.M) == ["选项", "命令"]


def test_a_command_s_help_names_its_arguments_in_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["render", "-h"])
    shown = capsys.readouterr().out
    assert shown.startswith("用法：bixue render ")
    assert re.findall(r"^(\S+):$", shown, re.M) == ["参数", "选项"]
    assert re.search(r"^  -h, --help\s+显示本说明并退出$", shown, re.M)


def test_a_mistyped_command_stops_with_usage_and_a_chinese_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["rendr"])
    usage, error = capsys.readouterr().err.splitlines()
    assert stopped.value.code == 2 and usage.startswith("用法：bixue ")
    assert error.startswith("bixue：错误：") and "'rendr'" in error


def test_the_project_is_the_nearest_folder_with_mkdocs_yml(tmp_path):
    assert find_project(ROOT / "docs" / "assets") == ROOT
    assert find_project(ROOT) == ROOT
    assert find_project(tmp_path) == tmp_path  # none above: the folder itself, BOARD_DATA may say

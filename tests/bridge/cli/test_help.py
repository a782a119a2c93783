"""roo --version, and every option of every sub-command says its default in --help."""

from __future__ import annotations

import argparse

import pytest

from bridge.cli import DefaultsHelp, build_parser, main


def options() -> list[tuple[str, argparse.Action]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found = []
    for name, child in sub.choices.items():
        for action in child._actions:
            hidden = action.help == argparse.SUPPRESS  # an old spelling kept working, unlisted
            if action.option_strings and not isinstance(action, argparse._HelpAction) and not action.required:
                if hidden:
                    continue
                found.append((f"roo {name} {action.option_strings[0]}", action))
    return found


def test_every_option_shows_its_default() -> None:
    formatter = DefaultsHelp("roo")
    silent = [name for name, action in options() if "default" not in formatter._get_help_string(action)]
    assert silent == []


def test_help_renders_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["generate", "--help"])
    assert "(default: 8)" in capsys.readouterr().out  # --bars


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("roo 0.")


@pytest.mark.parametrize("command", ["serve", "sim"])
def test_serve_and_sim_share_quiet_and_verbose(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    assert parser.parse_args([command, "--quiet"]).quiet is True
    assert parser.parse_args([command, "-v"]).verbose is True
    with pytest.raises(SystemExit):
        parser.parse_args([command, "--quiet", "--verbose"])
    assert "not allowed with argument" in capsys.readouterr().err

"""The one list of output formats (auditor.render.OUTPUTS) is what the CLI, the server and the renderers use."""

from __future__ import annotations

import pkgutil

import click

import auditor.render
from auditor.cli import check
from auditor.render import BINARY, DOWNLOADS, FORMATS, MACHINE, OUTPUTS, format_help, renderer


def test_every_listed_format_has_a_renderer_of_its_kind(result):
    for out in OUTPUTS:
        body = renderer(out.name)(result, lang="en")
        assert isinstance(body, bytes if out.binary else str), out.name
        assert out.suffix.startswith(".") and out.media_type and out.summary


def test_every_renderer_module_is_listed():
    helpers = {
        "cases",
        "columns",
        "coverage",
        "files",
        "forms",
        "html_template",
        "provenance",
        "readme",
        "rows",
        "rules",
        "stats",
        "svg",
    }  # parts, not formats
    modules = {m.name for m in pkgutil.iter_modules(auditor.render.__path__)}
    assert modules - helpers == set(FORMATS)


def test_the_cli_offers_exactly_the_listed_formats():
    option = next(p for p in check.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice) and tuple(option.type.choices) == FORMATS
    assert option.help == format_help()
    for out in OUTPUTS:
        assert f"{out.name} ({out.summary})" in option.help


def test_the_names_kept_for_callers_follow_the_list():
    assert FORMATS == ("text", "json", "xlsx", "html", "csv", "sarif")
    assert BINARY == {"xlsx"} and MACHINE == {"json", "sarif"}
    # NOTE: the server's download URL is issues.<name>, so a download's suffix must be its name
    assert [o.name for o in DOWNLOADS] == ["xlsx", "html"]
    assert all(o.suffix == "." + o.name for o in DOWNLOADS)


def test_the_server_offers_the_listed_downloads():
    from auditor.serve import app

    for out in DOWNLOADS:
        assert app._MEDIA[out.name] == out.media_type

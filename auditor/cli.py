"""The `auditor` command: parse options, call the library, render, map outcomes to exit codes.

Exit codes: 0 no issue at or above --fail-on; 1 some issue is; 2 a usage
error, a bad rule or config file, or no input that could be read.
Great Expectations is imported only by `check` (and `rules compile`), so
`auditor --help` and `auditor rules` stay fast.
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
from pathlib import Path

import click

from auditor import __version__
from auditor.config import Config, ConfigError, load_settings
from auditor.i18n import LANGS, t
from auditor.render import FORMATS, format_help

FAIL_ON = ("error", "warning", "info", "never")
ENGINES = ("pandas", "spark")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def _ruleset(settings: dict, profile, rules_dirs, select, ignore, lang):
    from auditor.ruleset.loader import RuleSetError

    config = Config(
        profile=profile or settings.get("profile", "national"),
        rule_dirs=[Path(d) for d in (list(rules_dirs) or settings.get("rules", []))],
        select=list(select) or settings.get("select", []),
        ignore=list(ignore) or settings.get("ignore", []),
        severity=settings.get("severity", {}),
    )
    try:
        return config, config.ruleset()
    except RuleSetError as exc:
        _fail(t(lang, "rule_errors") + "\n" + "\n".join(f"  {e}" for e in exc.errors))


def _settings(paths) -> dict:
    try:
        return load_settings(list(paths))
    except ConfigError as exc:
        _fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="auditor")
def main() -> None:
    """auditor: find the inconsistencies in budget performance self-evaluation reports (预算绩效自评).

    Reads reports (text copied from Word, .docx, .xlsx/.xls, .pdf, .doc/.wps), checks them with the
    rules in rules/ and prints the issues found: scores above weights, totals that are not sums,
    execution rates that are not executed / budget, prose that restates other figures, and more.
    """


def run() -> None:
    """The `auditor` command: `main`, then an exit that skips taking the interpreter apart.

    NOTE: after an audit the process holds Great Expectations, pandas and
    scipy; tearing them down module by module took 0.75 s of a 5.3 s
    single-report check. Standard streams are flushed and the exit handlers
    still run (logging, temporary directories, worker pools); only the
    teardown of modules is skipped. `main` itself stays a plain click group
    for tests and for `python -m auditor`-style embedding.
    """
    try:
        main()  # NOTE: click's standalone mode always ends with SystemExit
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (auditor ... | head): nothing left to say
            pass
    atexit._run_exitfuncs()
    os._exit(code)


_profile = click.option("--profile", help="Rule profile (national by default; see rules/profiles/).")
_rules_dir = click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="An extra rules directory (repeatable); its rules, profiles and lexicons add to the built-in ones.",
)
_select = click.option("--select", multiple=True, help="Run only these rules: a code, group or kind (repeatable).")
_ignore = click.option("--ignore", multiple=True, help="Skip these rules: a code, group or kind (repeatable).")
_lang = click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of messages: zh (default) or en.")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help=format_help())
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --output if it exists.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when an issue at or above this severity is found (default: error).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes reading files (default: one per core); with --engine spark, the N of local[N].",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=None,
    help="Where the rules run: pandas (default, this process) or spark (Apache Spark, for batches one "
    "machine cannot hold; needs pip install 'auditor[spark]' and Java 17). Same issues either way.",
)
@click.option(
    "--spark-master",
    metavar="URL",
    default=None,
    help="With --engine spark: the Spark master, e.g. spark://host:7077 or yarn "
    "(default: local[N], N = --jobs or the cores here).",
)
@_lang
@_profile
@_rules_dir
@_select
@_ignore
def check(
    paths, fmt, output, force, fail_on, jobs, engine, spark_master, lang, profile, rules_dirs, select, ignore
) -> None:
    """Audit report files or directories and print the issues found.

    Exit status: 0 when no issue is at or above --fail-on, 1 when one is, 2 on a usage error
    or when no input could be read.
    """
    settings = _settings(paths)
    lang = lang or settings.get("lang", "zh")
    fmt = fmt or settings.get("format", "text")
    fail_on = fail_on or settings.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        _fail(f"fail-on must be one of {', '.join(FAIL_ON)}")
    if output and Path(output).exists() and not force:
        _fail(t(lang, "output_exists", path=output))
    from auditor.render import BINARY, renderer

    if fmt not in FORMATS:  # a `format =` setting in a config file is not checked by click
        _fail(t(lang, "output.unknown_format", fmt=fmt, formats="|".join(FORMATS)))
    if fmt in BINARY and not output and sys.stdout.isatty():
        _fail(t(lang, "output.binary_needs_file", fmt=fmt))
    engine, spark_master = _engine(settings, engine, spark_master, lang)
    from auditor.pipeline import audit
    from auditor.progress import progress, wanted
    from auditor.read import expand

    files = expand(list(paths))
    if not files:
        _fail(t(lang, "no_input", paths=", ".join(paths)))
    config, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, lang)
    with progress(len(files), lang, wanted(fmt, len(files))) as step:
        if engine == "spark":
            result = _audit_on_spark(list(paths), config, ruleset, step, jobs, spark_master, lang)
        else:
            result = audit(list(paths), config, ruleset=ruleset, progress=step, jobs=jobs)

    color = fmt == "text" and not output and sys.stdout.isatty()
    text = renderer(fmt)(result, lang=lang, color=color)
    if output:
        try:
            _write_atomically(Path(output), text)
        except OSError as exc:  # disk full, a file where a folder should be: a usage error, not "issues found"
            _fail(t(lang, "output_unwritable", path=output, reason=exc.strerror or exc))
        click.echo(t(lang, "written", path=output), err=True)
    else:
        click.echo(text, nl=False)  # NOTE: bytes (xlsx) go to the binary stdout: a redirect or a pipe
    if not any(d.status == "ok" for d in result.documents):
        sys.exit(2)
    from auditor.issue import at_or_above

    sys.exit(1 if any(at_or_above(i.severity, fail_on) for i in result.issues) else 0)


def _engine(settings: dict, engine: str | None, spark_master: str | None, lang: str) -> tuple[str, str | None]:
    """The engine and Spark master from options, else configuration; a wrong combination is a usage error."""
    chosen = engine or settings.get("engine", "pandas")
    if chosen not in ENGINES:  # an `engine =` setting in a config file is not checked by click
        _fail(t(lang, "engine.unknown", engine=chosen, engines="|".join(ENGINES)))
    if spark_master and chosen != "spark":
        _fail(t(lang, "engine.master_needs_spark"))
    return chosen, spark_master or settings.get("spark-master")


def _audit_on_spark(paths, config, ruleset, step, jobs, master, lang):
    """`audit` on Spark; Spark that cannot start (no pyspark, no Java, a bad master) is a usage error."""
    from auditor.engine.spark.session import SparkUnavailable
    from auditor.pipeline import audit

    try:
        return audit(paths, config, ruleset=ruleset, progress=step, jobs=jobs, engine="spark", spark_master=master)
    except SparkUnavailable as exc:
        _fail(exc.messages.get(lang, str(exc)))


def _write_atomically(path: Path, data: str | bytes) -> None:
    """Write beside the target and rename, so a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.group(invoke_without_command=True)
@_profile
@_rules_dir
@_select
@_ignore
@_lang
@click.pass_context
def rules(ctx, profile, rules_dirs, select, ignore, lang) -> None:
    """List the rules in use: code, kind, severity, title (see `rules show CODE`)."""
    settings = _settings([])
    lang = lang or settings.get("lang", "zh")
    _, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, lang)
    ctx.obj = (ruleset, lang)
    if ctx.invoked_subcommand is None:
        from auditor.render.rules import rule_table

        click.echo(rule_table(ruleset, lang))


@rules.command("show")
@click.argument("code")
@click.pass_obj
def rules_show(obj, code) -> None:
    """Explain one rule: what it checks, why, and its example cases."""
    ruleset, lang = obj
    from auditor.render.rules import rule_detail

    try:
        click.echo(rule_detail(ruleset, code.upper(), lang))
    except KeyError:
        _fail(t(lang, "unknown_rule", code=code))


@rules.command("forms")
@click.argument("code", required=False)
@click.pass_obj
def rules_forms(obj, code) -> None:
    """List the declared forms tables are read as (rules/forms/), or explain one: its words, columns and rows."""
    ruleset, lang = obj
    from auditor.render.forms import form_detail, form_table

    if code is None:
        click.echo(form_table(ruleset.forms, lang))
        return
    try:
        from auditor.ruleset.loader import form_source

        click.echo(form_detail(ruleset.forms, code, lang, form_source(ruleset, code)))
    except KeyError as exc:
        _fail(exc.args[0])


@rules.command("test")
@_rules_dir
@_lang
@click.pass_context
def rules_test(ctx, rules_dirs, lang) -> None:
    """Run the pass and fail cases of every rule in use (built-in and --rules DIR) through the engine.

    Prints one line per failing case and a summary. Exit status: 0 when every case holds, 1 when one
    fails, 2 when a rule file is wrong.
    """
    ruleset, lang = ctx.obj[0], lang or ctx.obj[1]
    if rules_dirs:  # NOTE: `rules --rules A test --rules B` reads both, with the group's other options
        group = ctx.parent.params
        _, ruleset = _ruleset(
            _settings([]), group["profile"], [*group["rules_dirs"], *rules_dirs], group["select"], group["ignore"], lang
        )
    from auditor.engine.cases import run_cases
    from auditor.render.cases import case_report

    results = run_cases(ruleset)
    click.echo(case_report(ruleset, results, lang))
    sys.exit(0 if all(r.ok for r in results) else 1)


@rules.command("columns")
@click.argument("entity", required=False)
@_lang
@click.pass_obj
def rules_columns(obj, entity, lang) -> None:
    """List the entities rules run on, or one entity's columns: name, kind and meaning."""
    lang = lang or obj[1]
    from auditor.render.columns import column_table, entity_table

    if entity is None:
        click.echo(entity_table(lang))
        return
    try:
        click.echo(column_table(entity, lang))
    except KeyError as exc:
        _fail(exc.args[0])


@rules.command("compile")
@click.argument("code")
@click.pass_obj
def rules_compile(obj, code) -> None:
    """Print the Great Expectations expectations a rule compiles into."""
    ruleset, lang = obj
    try:
        rule = ruleset.get(code.upper())
    except KeyError:
        _fail(t(lang, "unknown_rule", code=code))
    import json

    from auditor.engine.compile import compile_rule

    out = [
        {"entity": entity, "expectation": exp.configuration.to_json_dict()}
        for entity, exp in compile_rule(rule, ruleset.lexicons)
    ]
    click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))


@main.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the commented copy to FILE (.docx); the report itself is never changed.",
)
@click.option("--force", is_flag=True, help="Overwrite --output if it exists.")
@_lang
@_profile
@_rules_dir
@_select
@_ignore
def annotate(report, output, force, lang, profile, rules_dirs, select, ignore) -> None:
    """Audit a Word report and write a copy with a comment at each offending cell or sentence.

    Exit status: 0 when the copy is written (whatever it found), 2 on a usage error, an unreadable
    report or a file that is not .docx.
    """
    settings = _settings([report])
    lang = lang or settings.get("lang", "zh")
    if Path(output).resolve() == Path(report).resolve():
        _fail(t(lang, "annotate.same_file", path=report))
    if Path(output).exists() and not force:
        _fail(t(lang, "output_exists", path=output))
    from auditor.read import sniff

    if sniff(Path(report)) != "docx":
        _fail(t(lang, "annotate.not_docx", path=report))
    config, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, lang)
    from auditor.pipeline import audit

    result = audit([report], config, ruleset=ruleset)
    bad = [d for d in result.documents if d.status != "ok"]
    if bad:
        _fail(f"{t(lang, 'unreadable')}: {bad[0].reason}")
    from auditor.annotate import annotate_docx

    done = annotate_docx(Path(report), Path(output), result.issues, lang)
    click.echo(t(lang, "annotate.written", path=output, n=done.comments), err=True)


@main.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine only)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--max-upload-mb",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Largest upload (all files of one request together), in MB; larger ones get 413.",
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False),
    default=None,
    help="Keep every upload (under generated names) and its issue list in DIR; by default nothing is kept.",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds one request may take; a longer audit is stopped and answered 504.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Audit processes (default: one per core; 0 runs audits in threads of the server).",
)
@_profile
@_rules_dir
@_select
@_ignore
def serve(host, port, max_upload_mb, keep, timeout, workers, profile, rules_dirs, select, ignore) -> None:
    """Serve the review page and the HTTP API (POST /api/check, GET /api/rules, /docs).

    Each worker loads the rules and Great Expectations once at start-up, so a report is answered warm.
    """
    settings = _settings([])
    config, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, settings.get("lang", "zh"))
    import uvicorn

    from auditor.serve import Settings, create_app

    app = create_app(
        config,
        ruleset,
        Settings(max_upload_mb=max_upload_mb, timeout=timeout, workers=workers, keep=Path(keep) if keep else None),
    )
    click.echo(f"auditor serve: http://{host}:{port}/  (API docs: /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


if __name__ == "__main__":  # pragma: no cover
    main()

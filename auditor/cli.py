"""The `auditor` command: parse options, call the library, render, map outcomes to exit codes.

Exit codes: 0 no issue at or above --fail-on; 1 some issue is; 2 a usage
error, a bad rule or config file, or no input that could be read.
Great Expectations is imported only by `check` (and `rules compile`), so
`auditor --help` and `auditor rules` stay fast.
"""

from __future__ import annotations

import atexit
import gettext
import os
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import click

from auditor import __version__
from auditor.config import COMMAND_LINE, Config, ConfigError, Settings, environ_lang, load_settings
from auditor.i18n import LANGS, reader_reason, t
from auditor.render import FORMATS, format_help
from auditor.render.files import write_atomically

FAIL_ON = ("error", "warning", "info", "never")
ENGINES = ("pandas", "spark")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def _ruleset(settings: dict, profile, rules_dirs, select, ignore, lang, allow_empty: bool = False):
    """The run's Config and rules: options win over settings; no rule left to run is a usage error."""
    from auditor.ruleset.loader import RuleSetError

    origin = getattr(settings, "origin", {})

    def given(key: str, option) -> tuple:
        if option:
            return list(option), COMMAND_LINE
        return settings.get(key), origin.get(key, COMMAND_LINE)

    chosen = {key: given(key, option) for key, option in (("select", select), ("ignore", ignore))}
    config = Config(
        profile=profile or settings.get("profile", "national"),
        rule_dirs=[Path(d) for d in (list(rules_dirs) or settings.get("rules", []))],
        select=chosen["select"][0] or [],
        ignore=chosen["ignore"][0] or [],
        severity=settings.get("severity", {}),
        files=list(getattr(settings, "files", [])),
        origins={
            "profile": COMMAND_LINE if profile else origin.get("profile", "default"),
            "select": chosen["select"][1],
            "ignore": chosen["ignore"][1],
            "severity": origin.get("severity", COMMAND_LINE),
        },
    )
    try:
        ruleset = config.ruleset()
    except RuleSetError as exc:
        _fail(t(lang, "rule_errors") + "\n" + "\n".join(f"  {line}" for line in exc.lines(lang)))
    if not ruleset.rules and not allow_empty:
        from auditor.render.provenance import cause, left_out

        # NOTE: each cause as it was given: `--select X`, or `select = X（auditor.cfg）` from a file
        causes = [cause(entry, lang) for entry, _ in left_out({"deselected": config.deselected})]
        _fail(t(lang, "rules.none_selected", how=t(lang, "coverage.then").join(causes) or "-", n=config.total))
    return config, ruleset


def _settings(paths=None, config_file: str | None = None, isolated: bool = False, lang: str | None = None) -> Settings:
    """Settings from the working directory's setup.cfg and auditor.cfg, or --config FILE, or none (--isolated).

    NOTE: `paths` (the audited files) is not looked into: a folder handed in for review
    must not carry the settings it is reviewed with.
    """
    if config_file and isolated:
        _fail(t(lang or "zh", "config.isolated_and_file"))
    try:
        return load_settings(config_file, isolated)
    except ConfigError as exc:
        _fail(t(lang or "zh", exc.key, **exc.values))


def _help_lang(ctx: click.Context) -> str:
    """The language of --help: --lang on the command line, else English when the locale is, else Chinese."""
    return ctx.meta.get("auditor.lang") or environ_lang() or "zh"


def _lang_in(args: list[str]) -> str | None:
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args) and args[n + 1] in LANGS:
            return args[n + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return None


# The translation click's own messages are given in, for this thread or task only; None is click's English.
_CLICK_TRANSLATION: ContextVar[gettext.NullTranslations | None] = ContextVar("auditor_click_translation", default=None)


def _click_gettext(message: str) -> str:
    translation = _CLICK_TRANSLATION.get()
    return gettext.gettext(message) if translation is None else translation.gettext(message)


def _click_ngettext(msgid1: str, msgid2: str, n: int) -> str:
    translation = _CLICK_TRANSLATION.get()
    return gettext.ngettext(msgid1, msgid2, n) if translation is None else translation.ngettext(msgid1, msgid2, n)


def _install_click_proxies() -> None:
    """Put `_click_gettext`/`_click_ngettext` where click's modules bound `gettext.gettext`/`ngettext`.

    NOTE: click binds those names into each of its modules when it is imported, so
    that is the only place a translation can be given. Installed for good and
    idempotently (a module already given ours is skipped), it is looked at on
    every run so a click module imported late (shell_completion) is covered too;
    with no language set the proxies are click's own gettext, so other users of
    click in the process see nothing change.
    """
    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        for attr, theirs, ours in (
            ("_", gettext.gettext, _click_gettext),
            ("ngettext", gettext.ngettext, _click_ngettext),
        ):
            if getattr(module, attr, None) is theirs:
                setattr(module, attr, ours)


def _speaking(show, translation):
    """An exception's `show` that speaks the run's language after the run has returned."""

    def show_in_language(*args, **kwargs):
        token = _CLICK_TRANSLATION.set(translation)
        try:
            return show(*args, **kwargs)
        finally:
            _CLICK_TRANSLATION.reset(token)

    return show_in_language


@contextmanager
def _click_speaks(lang: str):
    """click's own messages (usage errors, "default:") in `lang` while the command runs.

    NOTE: the language is a context variable, not a rebinding of click's globals, so
    concurrent runs in other threads, a run nested in another, and click used
    elsewhere in the process each keep their own. A click error that leaves the run
    (standalone_mode=False) keeps the language for its `show()`.
    """
    from auditor.i18n import ClickChinese

    _install_click_proxies()
    translation = ClickChinese() if lang == "zh" else None
    token = _CLICK_TRANSLATION.set(translation)
    try:
        yield
    except click.ClickException as exc:
        exc.show = _speaking(exc.show, translation)
        raise
    finally:
        _CLICK_TRANSLATION.reset(token)


class _Localised:
    """Help and click's messages in the user's language: English from click and the code, or Chinese.

    NOTE: the usage, options and commands sections of the help are written with our
    words (auditor.i18n), click's usage errors through gettext (`_click_speaks`); --lang
    is read from the raw arguments, as --help and usage errors come before any option
    is handled.
    """

    def main(self, args=None, *rest, **extra):
        words = list(sys.argv[1:] if args is None else args)
        with _click_speaks(_lang_in(words) or environ_lang() or "zh"):
            return super().main(args, *rest, **extra)

    def parse_args(self, ctx, args):
        lang = _lang_in(list(args))
        if lang:
            ctx.meta["auditor.lang"] = lang
        return super().parse_args(ctx, args)

    def get_help(self, ctx):
        lang = _help_lang(ctx)
        if lang == "en":
            return super().get_help(ctx)
        saved = []
        key = _command_key(ctx)
        items = [(self, f"help.{key}")]
        items += [(p, f"help.{key}.{p.name}") for p in self.get_params(ctx) if isinstance(p, click.Option)]
        for name, sub in getattr(self, "commands", {}).items():
            items.append((sub, f"help.{(key + ' ' + name).strip()}"))
        for obj, text_key in items:
            text = _help_text(lang, text_key, obj)
            if text is not None:
                saved.append((obj, obj.help, getattr(obj, "short_help", None)))
                obj.help = text
                if hasattr(obj, "short_help"):
                    obj.short_help = None
        try:
            return super().get_help(ctx)
        finally:
            for obj, help_text, short in saved:
                obj.help = help_text
                if hasattr(obj, "short_help"):
                    obj.short_help = short

    def format_usage(self, ctx, formatter):
        if _help_lang(ctx) == "en":
            return super().format_usage(ctx, formatter)
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=t("zh", "help.usage"))

    def format_options(self, ctx, formatter):
        if _help_lang(ctx) == "en":
            return super().format_options(ctx, formatter)
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)]
        if any(rows):
            with formatter.section(t("zh", "help.options")):
                formatter.write_dl([r for r in rows if r])
        if isinstance(self, click.Group):
            self.format_commands_zh(ctx, formatter)

    def format_commands_zh(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            sub = self.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, sub.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(t("zh", "help.commands")):
                formatter.write_dl(rows)

    def format_commands(self, ctx, formatter):
        if _help_lang(ctx) == "en":
            return super().format_commands(ctx, formatter)
        # NOTE: written by format_options above, in Chinese


def _command_key(ctx: click.Context) -> str:
    """`check`, `rules show`: the command's path without the program name (`` for the program itself)."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(reversed(names))


def _help_text(lang: str, key: str, obj) -> str | None:
    from auditor.i18n import TEXT

    words = TEXT.get(lang, {})
    if key in words:
        return words[key]
    if isinstance(obj, click.Option):
        name = "help" if "help" in obj.opts or "--help" in obj.opts else obj.name  # NOTE: click 8.5 renames its own
        return words.get(f"help.opt.{name}")
    return None


class LocalCommand(_Localised, click.Command):
    pass


class LocalGroup(_Localised, click.Group):
    command_class = LocalCommand
    group_class = type  # NOTE: click's way of saying "subgroups are of this same class"


@click.group(cls=LocalGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
_config = click.option(
    "--config",
    "config_file",
    metavar="FILE",
    default=None,
    help="Read settings from FILE's [auditor] section only (instead of ./setup.cfg and ./auditor.cfg).",
)
_isolated = click.option("--isolated", is_flag=True, help="Read no configuration file at all.")


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
@_config
@_isolated
def check(
    paths,
    fmt,
    output,
    force,
    fail_on,
    jobs,
    engine,
    spark_master,
    lang,
    profile,
    rules_dirs,
    select,
    ignore,
    config_file,
    isolated,
) -> None:
    """Audit report files or directories and print the issues found.

    Exit status: 0 when no issue is at or above --fail-on, 1 when one is, 2 on a usage error
    or when no input could be read.
    """
    settings = _settings(paths, config_file, isolated, lang)
    lang = lang or settings.get("lang", "zh")
    if lang not in LANGS:  # a `lang =` setting in a config file is not checked by click
        _fail(t("zh", "config.bad_value", setting="lang", value=lang, known="|".join(LANGS)))
    fmt = fmt or settings.get("format", "text")
    fail_from = COMMAND_LINE if fail_on else settings.origin.get("fail-on", "default")
    fail_on = fail_on or settings.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        _fail(t(lang, "config.bad_value", setting="fail-on", value=fail_on, known="|".join(FAIL_ON)))
    target = _output_path(output, force, lang, None)
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
    result.settings = {**config.provenance(ruleset), "fail_on": fail_on, "fail_on_from": fail_from}

    color = fmt == "text" and not output and sys.stdout.isatty()
    text = renderer(fmt)(result, lang=lang, color=color)
    if target is not None:
        try:
            write_atomically(target, text)
        except OSError as exc:  # disk full, a file where a folder should be: a usage error, not "issues found"
            _fail(t(lang, "output_unwritable", path=output, reason=exc.strerror or exc))
        click.echo(t(lang, "written", path=output), err=True)
    else:
        click.echo(text, nl=False)  # NOTE: bytes (xlsx) go to the binary stdout: a redirect or a pipe
    if not any(d.status == "ok" for d in result.documents):
        sys.exit(2)
    from auditor.issue import at_or_above

    sys.exit(1 if any(at_or_above(i.severity, fail_on) for i in result.issues) else 0)


def _output_path(output: str | None, force: bool, lang: str, suffix: str | None) -> Path | None:
    """--output checked before any work: it must not exist (unless --force), its folder must.

    NOTE: the folder is never created: a mistyped path (`-o /srv/sahre/x.json`) would
    otherwise put the report where nobody looks for it.
    """
    if not output:
        return None
    path = Path(output)
    if suffix and path.suffix.lower() != suffix:
        _fail(t(lang, "output.wrong_suffix", path=output, suffix=suffix))
    if path.exists() and not force:
        _fail(t(lang, "output_exists", path=output))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        _fail(t(lang, "output.no_folder", path=output, folder=str(parent)))
    return path


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


@main.group(invoke_without_command=True)
@_profile
@_rules_dir
@_select
@_ignore
@_lang
@_config
@_isolated
@click.pass_context
def rules(ctx, profile, rules_dirs, select, ignore, lang, config_file, isolated) -> None:
    """List the rules in use: code, kind, severity, title (see `rules show CODE`)."""
    settings = _settings([], config_file, isolated, lang)
    lang = lang or settings.get("lang", "zh")
    # NOTE: a subcommand may still need no rule (`rules show READ_FILE`) or add rules (`rules test --rules`)
    config, ruleset = _ruleset(
        settings, profile, rules_dirs, select, ignore, lang, allow_empty=ctx.invoked_subcommand is not None
    )
    ctx.obj = (ruleset, lang, settings)
    if ctx.invoked_subcommand is None:
        from auditor.render.provenance import settings_line
        from auditor.render.rules import rule_table

        click.echo(rule_table(ruleset, lang))
        click.echo(settings_line(config.provenance(ruleset), lang))


@rules.command("show")
@click.argument("code")
@_lang
@click.pass_obj
def rules_show(obj, code, lang) -> None:
    """Explain one rule: what it checks, why, and its example cases."""
    ruleset, lang = obj[0], lang or obj[1]
    from auditor.render.rules import rule_detail

    try:
        click.echo(rule_detail(ruleset, code.upper(), lang))
    except KeyError:
        _fail(t(lang, "unknown_rule", code=code))


@rules.command("forms")
@click.argument("code", required=False)
@_lang
@click.pass_obj
def rules_forms(obj, code, lang) -> None:
    """List the declared forms tables are read as (rules/forms/), or explain one: its words, columns and rows."""
    ruleset, lang = obj[0], lang or obj[1]
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
            ctx.obj[2], group["profile"], [*group["rules_dirs"], *rules_dirs], group["select"], group["ignore"], lang
        )
    if not ruleset.rules:
        group = ctx.parent.params
        _ruleset(ctx.obj[2], group["profile"], group["rules_dirs"], group["select"], group["ignore"], lang)
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
@_lang
@click.pass_obj
def rules_compile(obj, code, lang) -> None:
    """Print the Great Expectations expectations a rule compiles into."""
    ruleset, lang = obj[0], lang or obj[1]
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
@_config
@_isolated
def annotate(report, output, force, lang, profile, rules_dirs, select, ignore, config_file, isolated) -> None:
    """Audit a Word report and write a copy with a comment at each offending cell or sentence.

    Exit status: 0 when the copy is written (whatever it found), 2 on a usage error, an unreadable
    report or a file that is not .docx.
    """
    settings = _settings([report], config_file, isolated, lang)
    lang = lang or settings.get("lang", "zh")
    if Path(output).resolve() == Path(report).resolve():
        _fail(t(lang, "annotate.same_file", path=report))
    target = _output_path(output, force, lang, ".docx")
    from auditor.read import sniff

    if sniff(Path(report)) != "docx":
        _fail(t(lang, "annotate.not_docx", path=report))
    from auditor.annotate import annotate_docx, check_names
    from auditor.read.errors import UnreadableInput

    try:
        check_names(Path(report), report)  # NOTE: before the audit: such a file is refused, not commented
    except UnreadableInput as exc:
        _fail(_unreadable(str(exc), lang))
    config, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, lang)
    from auditor.pipeline import audit

    result = audit([report], config, ruleset=ruleset)
    bad = [d for d in result.documents if d.status != "ok"]
    if bad:
        _fail(_unreadable(bad[0].reason or "", lang))
    try:
        done = annotate_docx(Path(report), target, result.issues, lang)
    except UnreadableInput as exc:
        _fail(_unreadable(str(exc), lang))
    except OSError as exc:
        _fail(t(lang, "output_unwritable", path=output, reason=exc.strerror or exc))
    click.echo(t(lang, "annotate.written", path=output, n=done.comments), err=True)


def _unreadable(reason: str, lang: str) -> str:
    """`无法读取：<file>：<why>` (`unreadable: <file>: <why>`): a reader's reason, in `lang`."""
    return f"{t(lang, 'unreadable')}{'：' if lang == 'zh' else ': '}{reader_reason(reason, lang)}"


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
    help="Also keep every upload (generated names) and its issue list in DIR, readable by this account only, until deleted.",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds one audit may take (its wait for a worker not counted); a longer one is stopped and answered 504.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Audit processes (default: one per core; 0 runs audits in threads of the server).",
)
@click.option(
    "--queue",
    default=32,
    show_default=True,
    type=click.IntRange(min=1),
    help="Requests that may wait for a worker at once (uploading or queued); more are answered 503.",
)
@click.option(
    "--results-mb",
    default=256.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Memory for the results kept for downloads, in MB; when full the largest go first.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name clients use to reach the server (a public name, a proxy's); repeatable.",
)
@_profile
@_rules_dir
@_select
@_ignore
@_lang
@_config
@_isolated
def serve(
    host, port, keep, allowed_hosts, profile, rules_dirs, select, ignore, lang, config_file, isolated, **limits
) -> None:
    """Serve the review page and the HTTP API (POST /api/check, GET /api/rules, /docs).

    Each worker loads the rules and Great Expectations once at start-up, so a report is answered warm.
    """
    settings = _settings([], config_file, isolated, lang)
    lang = lang or settings.get("lang", "zh")
    if lang not in LANGS:  # a `lang =` setting in a config file is not checked by click
        _fail(t("zh", "config.bad_value", setting="lang", value=lang, known="|".join(LANGS)))
    config, ruleset = _ruleset(settings, profile, rules_dirs, select, ignore, lang)
    from auditor.serve import Settings, create_app
    from auditor.serve.run import CannotListen, bind
    from auditor.serve.run import serve as run

    try:
        sock = bind(host, port, lang)  # NOTE: before the workers start, so a taken port costs one line
    except CannotListen as exc:
        _fail(str(exc))
    served = Settings(keep=Path(keep) if keep else None, host=host, allowed_hosts=allowed_hosts, **limits)
    app = create_app(config, ruleset, served)
    from auditor.render.provenance import settings_line

    # NOTE: the rules the server answers with are said when it is ready, as every report of it says them
    rules_line = settings_line(config.provenance(ruleset), lang)
    run(app, sock, lambda url: click.echo(f"{rules_line}\n{t(lang, 'serve_cli.ready', url=url)}", err=True))


if __name__ == "__main__":  # pragma: no cover
    main()

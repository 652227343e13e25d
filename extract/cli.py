"""Command line: thin Typer wrappers over plain functions. Heavy imports happen inside commands."""
from __future__ import annotations

import enum
import functools
from pathlib import Path
from typing import Annotated

import click
import typer

app = typer.Typer(help="Extract centres, partners, funding and periods from German press releases.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # plain click help: importing rich costs more than the rest
rules_app = typer.Typer(help="Validate and list the rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

class Format(enum.StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


class Engine(enum.StrEnum):
    local = "local"
    dask = "dask"


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Extract centres, partners, funding and periods from German press releases."""


def _fail(message: str, code: int):
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def one_line_errors(command):
    """Every failure of a command as one line on stderr, never a traceback: exit 2 for a usage
    mistake (a missing file, a bad option value, an out folder that cannot be used), 1 for a
    run that failed (disk full, a worker killed, a scheduler not reached), 130 for Ctrl-C."""

    @functools.wraps(command)
    def guarded(*args, **kwargs):
        from concurrent.futures.process import BrokenProcessPool

        from .evaluate import EvaluateError
        from .outdir import OutDirError
        from .rules import RuleError

        try:
            return command(*args, **kwargs)
        except (typer.Exit, click.exceptions.Exit, click.ClickException):
            raise
        except KeyboardInterrupt:
            _quiet_dask_exit()
            raise _fail("interrupted", 130) from None
        except RuleError as exc:
            more = f" (and {len(exc.problems) - 1} more: extract rules check)" if len(exc.problems) > 1 else ""
            raise _fail(f"{exc.problems[0]}{more}", 2) from None
        except EvaluateError as exc:
            raise _fail(str(exc), 1) from None
        except (OutDirError, ValueError) as exc:
            raise _fail(str(exc), 2) from None
        except BrokenProcessPool:
            raise _fail("a worker process died (killed, or out of memory); the run is incomplete and "
                        "the previous tables are kept", 1) from None
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError) as exc:
            raise _fail(_os_message(exc), 2) from None
        except (OSError, TimeoutError) as exc:
            raise _fail(_os_message(exc), 1) from None

    return guarded


def _quiet_dask_exit() -> None:
    """After Ctrl-C during a LocalCluster start, dask's exit hook would close that half-started
    cluster once more and print a traceback; the cluster was closed (or never was) already."""
    import atexit
    import sys

    spec = sys.modules.get("distributed.deploy.spec")
    if spec is not None and hasattr(spec, "close_clusters"):
        atexit.unregister(spec.close_clusters)


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    return str(exc) or type(exc).__name__

Model = Annotated[str | None, typer.Option(help="spaCy model to load (default: de_core_news_sm if "
                                                 "installed, else a blank German pipeline).")]
RulesDir = Annotated[Path | None, typer.Option("--rules", help="Rules folder (default: the package's rules/).")]


@app.command()
@one_line_errors
def run(
    corpus: Annotated[Path, typer.Argument(help="Folder of releases (.txt, .md, .html, .pdf) or one file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    fmt: Annotated[Format, typer.Option("--format", case_sensitive=False, help="Table format.")] = Format.csv,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes: 0 = one per core "
                                                                   "(64+ documents), 1 = this process only.")] = 0,
    engine: Annotated[Engine, typer.Option(case_sensitive=False, help="Where documents are processed.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(help="dask scheduler address (tcp://host:8786); "
                                                       "without it a LocalCluster is started.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 when any document failed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    no_notice: Annotated[bool, typer.Option("--no-notice", help="Leave out the line about which spaCy "
                                                                "model is used; keep the summary.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Write into --out even when it holds files this "
                                                        "tool did not write, or lies in the corpus.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="When another run writes to --out, wait for it "
                                                      "instead of exiting.")] = False,
    doc_timeout: Annotated[float, typer.Option("--doc-timeout", min=0, help="Seconds one document may "
                                               "take; a slower one gets an error row (0: no limit).")] = 120.0,
    model: Model = None,
    rules: RulesDir = None,
) -> None:
    """Process a corpus and write the tables (documents, mentions, centres, …) to --out."""
    from .runner import run_corpus

    summary = run_corpus(corpus=corpus, out=out, fmt=Format(fmt).value, jobs=jobs, engine=Engine(engine).value,
                         scheduler=scheduler, model=model, rules_dir=rules, quiet=quiet,
                         force=force, wait=wait, doc_timeout=doc_timeout, notice=not no_notice)
    if not quiet:
        typer.echo(summary.line(), err=True)
    if strict and summary.n_error:
        raise _fail(summary.failed_line(), 1)


@app.command()
@one_line_errors
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold JSON files (one per document).")],
    corpus: Annotated[Path, typer.Argument(help="Corpus to run, or an outputs folder with --pred.")],
    pred: Annotated[bool, typer.Option("--pred", help="CORPUS is an outputs folder already written.")] = False,
    docs: Annotated[bool, typer.Option("--docs", help="Also list per-document errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    rules: RulesDir = None,
) -> None:
    """Precision, recall and F1 per field against gold annotations."""
    from .evaluate import EvaluateError, evaluate_corpus, format_report
    from .outdir import OutDirError

    try:
        report = evaluate_corpus(gold=gold, corpus=corpus, pred_dir=corpus if pred else None,
                                 rules_dir=rules)
    except (OutDirError, FileNotFoundError) as exc:
        raise EvaluateError(str(exc)) from exc
    typer.echo(format_report(report, docs=docs, as_json=as_json))


def _iso_date(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date YYYY-MM-DD") from exc


Published = Annotated[str | None, typer.Option(callback=_iso_date, help="Publication date YYYY-MM-DD, "
                                                                      "used when the text gives none.")]


def _analyse_file(file: Path, published, model, rules):
    from .show import analyse_file

    return analyse_file(file, published=published, model=model, rules_dir=rules)


@app.command()
@one_line_errors
def show(
    file: Annotated[Path, typer.Argument(help="One release (.txt, .md, .html, .pdf).")],
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML page here "
                                                             "instead of printing.")] = None,
    published: Published = None,
    model: Model = None,
    rules: RulesDir = None,
) -> None:
    """Print the text with its mentions coloured by label, then a summary of its facts."""
    import sys

    if html is not None and html.is_dir():
        raise _fail(f"--html {html} is a folder; give the name of the page to write", 2)
    view = _analyse_file(file, published, model, rules)
    if html is not None:
        from .html_view import render_html

        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_html(view), encoding="utf-8")
        typer.echo(f"wrote {html} ({len(view.mentions)} mentions)", err=True)
        return
    from .show import render, want_colour

    typer.echo(render(view, colour=want_colour(sys.stdout)), nl=False, color=want_colour(sys.stdout))


@app.command()
@one_line_errors
def explain(
    file: Annotated[Path, typer.Argument(help="One release (.txt, .md, .html, .pdf).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    published: Published = None,
    model: Model = None,
    rules: RulesDir = None,
) -> None:
    """Every mention and fact row with the rule id and offsets that produced it."""
    from .explain import format_explanation

    view = _analyse_file(file, published, model, rules)
    typer.echo(format_explanation(view, as_json=as_json), nl=False)


@app.command()
@one_line_errors
def report(
    out_dir: Annotated[Path, typer.Argument(help="Out folder of extract run (with the registry tables).")],
    html: Annotated[Path, typer.Option("--html", help="Where to write the page.")] = Path("report.html"),
    rules: RulesDir = None,
) -> None:
    """One offline HTML page of the registry: funding charts, a map of the centres, sortable tables."""
    from .report import write_report

    if html.is_dir():
        raise _fail(f"--html {html} is a folder; give the name of the page to write", 2)
    summary = write_report(out_dir=out_dir, html=html, rules_dir=rules)
    typer.echo(f"wrote {summary.path} ({summary.n_centres} centres, {summary.n_institutions} institutions, "
               f"{summary.n_documents} documents)", err=True)


@rules_app.command("check")
@one_line_errors
def rules_check(rules: RulesDir = None) -> None:
    """Validate every rule file; print FILE:LINE: message for each problem, exit 1 on any."""
    from .registry.knowledge import knowledge
    from .rules import RuleError, load_rules

    try:
        ruleset = load_rules(rules)
        knowledge.cache_clear()
        knowledge(str(rules) if rules else None)  # the registry's lists (rules/lists/registry_*.txt)
    except RuleError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(1) from exc
    except ValueError as exc:
        typer.echo(f"{ruleset.root / 'lists'}: {exc}", err=True)
        raise typer.Exit(1) from exc
    n_gaz = sum(len(v) for v in ruleset.gazetteers.values())
    typer.echo(f"ok: {len(ruleset.patterns)} pattern rules, {n_gaz} gazetteer entries, "
               f"{len(ruleset.lists)} word lists in {ruleset.root}")


@rules_app.command("list")
@one_line_errors
def rules_list(
    rules: RulesDir = None,
    label: Annotated[str | None, typer.Option(help="Only rules with this label.")] = None,
) -> None:
    """List pattern rules (id, label, file:line, description) and gazetteer sizes."""
    from .rules import load_rules

    ruleset = load_rules(rules)
    for r in ruleset.patterns:
        if label is None or r.label == label:
            typer.echo(f"{r.id:<40} {r.label:<9} {r.source:<40} {r.description}")
    if label is None:
        for name, rows in sorted(ruleset.gazetteers.items()):
            typer.echo(f"{'gazetteer:' + name:<40} {'':<9} {len(rows)} entries")


def main() -> None:
    app()

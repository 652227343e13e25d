"""Command line: thin Typer wrappers over plain functions. Heavy imports happen inside commands."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Extract centres, partners, funding and periods from German press releases.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # plain click help: importing rich costs more than the rest
rules_app = typer.Typer(help="Validate and list the rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

Model = Annotated[str | None, typer.Option(help="spaCy model to load (default: de_core_news_sm if "
                                                 "installed, else a blank German pipeline).")]
RulesDir = Annotated[Path | None, typer.Option("--rules", help="Rules folder (default: the project's rules/).")]


@app.command()
def run(
    corpus: Annotated[Path, typer.Argument(help="Folder of releases (.txt, .md, .html, .pdf) or one file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    fmt: Annotated[str, typer.Option("--format", help="csv, parquet or jsonl.")] = "csv",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes: 0 = one per core "
                                                                   "(64+ documents), 1 = this process only.")] = 0,
    engine: Annotated[str, typer.Option(help="local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="dask scheduler address (tcp://host:8786); "
                                                       "without it a LocalCluster is started.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 when any document failed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
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
    from .outdir import OutDirError
    from .rules import RuleError
    from .runner import run_corpus

    try:
        summary = run_corpus(corpus=corpus, out=out, fmt=fmt, jobs=jobs, engine=engine,
                             scheduler=scheduler, model=model, rules_dir=rules, quiet=quiet,
                             force=force, wait=wait, doc_timeout=doc_timeout)
    except (FileNotFoundError, ValueError, RuleError, OutDirError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if not quiet:
        typer.echo(summary.line(), err=True)
    if strict and summary.n_error:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold JSON files (one per document).")],
    corpus: Annotated[Path, typer.Argument(help="Corpus to run, or an outputs folder with --pred.")],
    pred: Annotated[bool, typer.Option("--pred", help="CORPUS is an outputs folder already written.")] = False,
    docs: Annotated[bool, typer.Option("--docs", help="Also list per-document errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    rules: RulesDir = None,
) -> None:
    """Precision, recall and F1 per field against gold annotations."""
    from .evaluate import evaluate_corpus, format_report
    from .outdir import OutDirError

    try:
        report = evaluate_corpus(gold=gold, corpus=corpus, pred_dir=corpus if pred else None,
                                 rules_dir=rules)
    except OutDirError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
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
    from .rules import RuleError
    from .show import analyse_file

    try:
        return analyse_file(file, published=published, model=model, rules_dir=rules)
    except (FileNotFoundError, ValueError, RuleError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
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


@rules_app.command("check")
def rules_check(rules: RulesDir = None) -> None:
    """Validate every rule file; print FILE:LINE: message for each problem, exit 1 on any."""
    from .rules import RuleError, load_rules

    try:
        ruleset = load_rules(rules)
    except RuleError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(1) from exc
    n_gaz = sum(len(v) for v in ruleset.gazetteers.values())
    typer.echo(f"ok: {len(ruleset.patterns)} pattern rules, {n_gaz} gazetteer entries, "
               f"{len(ruleset.lists)} word lists in {ruleset.root}")


@rules_app.command("list")
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

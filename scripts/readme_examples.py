"""The example rows and the column types in outputs/README.md, rendered from a real run of corpus/.

    python scripts/readme_examples.py           # exit 1 when outputs/README.md is out of date
    python scripts/readme_examples.py --write   # rewrite its examples and types from a new run

A table's example is its row with the most filled cells (the first of those), as the CSV
writes it; mentions, centres and registry_centres show the same row as JSONL too. The types
come from extract.tables.TYPES. tests/test_typed_tables.py renders them from its own run and
compares.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "outputs" / "README.md"
JSONL_EXAMPLES = ("mentions", "centres", "registry_centres")
TYPES_START, TYPES_END = "<!-- types:start -->", "<!-- types:end -->"


def render(readme: str, csv_dir: Path, jsonl_dir: Path) -> str:
    """`readme` with each table section's example lines and the types block rendered anew."""
    from extract.tables import OUTPUT_COLUMNS

    for table in OUTPUT_COLUMNS:
        index, line = example(csv_dir / f"{table}.csv")
        readme = _replace_line(readme, table, "Example: ", code(line))
        if table in JSONL_EXAMPLES:
            jsonl = (jsonl_dir / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()[index]
            readme = _replace_line(readme, table, "As JSONL: ", code(jsonl))
    return _replace_types(readme)


def example(path: Path) -> tuple[int, str]:
    """(row index, CSV line) of the one-line row with the most filled cells, the first of those."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    lines = [_csv_line(r) for r in rows]
    candidates = [i for i, line in enumerate(lines) if "\n" not in line]
    best = max(candidates, key=lambda i: (sum(1 for cell in rows[i] if cell), -i))
    return best, lines[best]


def _csv_line(row: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(row)
    return buffer.getvalue()


def code(text: str) -> str:
    """Markdown inline code that holds `text` whatever backticks it contains."""
    fence = "`" * (1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _replace_line(readme: str, table: str, prefix: str, value: str) -> str:
    """The line starting with `prefix` in the table's section set to prefix + value (added
    after the section's Example line when it has none)."""
    lines = readme.split("\n")
    start = lines.index(next(line for line in lines if line.startswith(f"## {table}.csv")))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    at = next((i for i in range(start, end) if lines[i].startswith(prefix)), None)
    if at is None:
        after = next(i for i in range(start, end) if lines[i].startswith("Example: ")) + 1
        lines[after:after] = ["", prefix + value]
    else:
        lines[at] = prefix + value
    return "\n".join(lines)


def types_block() -> str:
    """The column types of every table, one line per table, from extract.tables.TYPES."""
    from extract.tables import OUTPUT_COLUMNS, STR, column_types

    out = []
    for table in OUTPUT_COLUMNS:
        by_type: dict[str, list[str]] = {}
        for column, kind in column_types(table).items():
            if kind != STR:
                by_type.setdefault(kind, []).append(column)
        typed = "; ".join(f"{kind}: {', '.join(cols)}" for kind, cols in by_type.items())
        out.append(f"- `{table}`: {typed or 'text only'}")
    return "\n".join(out)


def _replace_types(readme: str) -> str:
    head, rest = readme.split(TYPES_START, 1)
    _, tail = rest.split(TYPES_END, 1)
    return f"{head}{TYPES_START}\n{types_block()}\n{TYPES_END}{tail}"


def run_corpus_into(folder: Path) -> tuple[Path, Path]:
    """The corpus/ tables as CSV and JSONL in `folder` (one process: the same rows either way)."""
    from extract import run_corpus

    dirs = folder / "csv", folder / "jsonl"
    for fmt, out in zip(("csv", "jsonl"), dirs, strict=True):
        run_corpus(corpus=ROOT / "corpus", out=out, fmt=fmt, jobs=1, quiet=True)
    return dirs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite outputs/README.md")
    args = parser.parse_args()
    current = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        rendered = render(current, *run_corpus_into(Path(tmp)))
    if args.write:
        README.write_text(rendered, encoding="utf-8")
        return 0
    if rendered != current:
        print(f"{README.relative_to(ROOT)} is out of date: python scripts/readme_examples.py --write",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

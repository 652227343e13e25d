"""The README and docs/PERFORMANCE.md as `make bench` and a reader use them."""
from __future__ import annotations

import re
import shutil
import sys

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bench


@pytest.mark.parametrize("marker", sorted(bench.REPORTS))
def test_each_bench_section_has_its_markers_once_in_the_file_it_is_written_to(marker):
    for report in {ROOT / "README.md", ROOT / "docs" / "PERFORMANCE.md"}:
        text = report.read_text(encoding="utf-8")
        expected = 1 if report == bench.REPORTS[marker] else 0
        for end in ("start", "end"):
            assert text.count(f"<!-- {marker}:{end} -->") == expected, (report.name, marker, end)


def test_a_bench_run_rewrites_only_its_section(tmp_path, monkeypatch):
    copies = {}
    for marker, report in bench.REPORTS.items():
        copies[marker] = tmp_path / report.name
        shutil.copy(report, copies[marker])
    monkeypatch.setattr(bench, "REPORTS", copies)
    before = copies["where"].read_text(encoding="utf-8")
    bench.write_section("where", "| step | ms/doc |\n| new | 1.00 |")
    after = copies["where"].read_text(encoding="utf-8")
    old = re.search(r"<!-- where:start -->.*?<!-- where:end -->", before, re.S).group(0)
    assert after == before.replace(old, "<!-- where:start -->\n| step | ms/doc |\n| new | 1.00 |\n<!-- where:end -->")


def test_every_command_the_readme_shows_exists():
    shown = re.findall(r"^\.venv/bin/extract ((?:rules )?[a-z]+)", (ROOT / "README.md").read_text(encoding="utf-8"),
                       re.M)
    assert {"run", "evaluate", "show", "explain", "rules check", "rules list"} <= set(shown)
    for command in set(shown):
        result = CliRunner().invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0, (command, result.output)

"""`extract evaluate` agrees with the shared scorer, and its matching rules behave as documented."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluate import city_match, month, names_match, score

from .conftest import CORPUS, ROOT

SHARED_GOLD = ROOT.parent / "shared" / "gold"


@pytest.mark.parametrize("pred, gold, ok", [
    ("Halle", "Halle (Saale)", True), ("Halle (Saale)", "Halle", True), ("Hamburg", "Bremen", False),
    ("", "Bremen", False),
])
def test_city_match(pred, gold, ok):
    assert city_match(pred, gold) is ok


def test_names_match_on_acronym_and_tokens():
    assert names_match(["Fraunhofer IFF"], "IFF", ["Fraunhofer-Institut für Fabrikbetrieb"], "IFF")
    assert names_match(["Bundesministerium für Wirtschaft und Energie"], None,
                       ["Bundesministeriums für Wirtschaft und Energie (BMWi)"], None) is False
    assert names_match(["Ernst-Abbe-Hochschule Jena"], None, ["Ernst Abbe Hochschule Jena"], None)


@pytest.mark.parametrize("value, expected", [("2020", "2020-12"), ("2020-07", "2020-07"),
                                             ("2020-07-31", "2020-07"), ("", "")])
def test_month(value, expected):
    assert month(value) == expected


@pytest.mark.skipif(not (SHARED_GOLD / "score.py").exists(), reason="shared gold not beside the repo")
def test_figures_equal_the_shared_scorer_on_dev(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out), "-q"]).exit_code == 0
    shared = json.loads(subprocess.run(
        [sys.executable, str(SHARED_GOLD / "score.py"), "--gold", str(SHARED_GOLD / "dev"), "--pred", str(out),
         "--json"], capture_output=True, text=True, check=True).stdout)
    ours = score(SHARED_GOLD / "dev", out)
    assert ours["fields"] == shared["fields"]
    assert ours["mission_f1"] == pytest.approx(shared["mission_f1"])
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(SHARED_GOLD / "dev"), str(out), "--pred"])
    assert result.exit_code == 0 and f"mission macro-F1 {shared['mission_f1']:.3f}" in result.output

"""Every mistake as one line on stderr with an exit code, never a traceback (issue 11, items 11-14)."""
from __future__ import annotations

import errno
import json
import time

import pytest
from typer.testing import CliRunner

from extract import __version__
from extract.cli import app


def _cli(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("note:")]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Das Kompetenzzentrum in Bremen erhält 1,2 Mio. Euro.", encoding="utf-8")
    return folder


def test_an_out_path_that_is_a_file_is_a_usage_error(tmp_path, corpus):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = _cli("run", corpus, "--out", tmp_path / "f")
    assert code == 2 and "is a file" in _one_line(err)


def test_show_into_a_folder_is_a_usage_error(tmp_path, corpus):
    code, _, err = _cli("show", corpus / "a.txt", "--html", tmp_path)
    assert code == 2 and "--html" in _one_line(err)


def test_rules_list_of_a_missing_folder_is_a_usage_error():
    code, _, err = _cli("rules", "list", "--rules", "/no/such/rules")
    assert code == 2 and "/no/such/rules" in _one_line(err)


def test_evaluate_of_a_missing_corpus_fails_in_one_line(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text("{}", encoding="utf-8")
    code, _, err = _cli("evaluate", "--gold", gold, tmp_path / "nodir")
    assert code in (1, 2) and "nodir" in _one_line(err)


def test_an_unreachable_dask_scheduler_fails_within_seconds(corpus, tmp_path):
    started = time.monotonic()
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "--engine", "dask",
                        "--scheduler", "tcp://127.0.0.1:1")
    assert code == 1 and "127.0.0.1:1" in _one_line(err)
    assert time.monotonic() - started < 15


def _die(*_args):
    import os

    os._exit(3)


def test_a_killed_worker_fails_the_run_in_one_line_and_keeps_no_half_tables(tmp_path, monkeypatch):
    from extract import engines

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(70):
        (corpus / f"r{i}.txt").write_text("Das Kompetenzzentrum in Bremen.", encoding="utf-8")
    monkeypatch.setattr(engines, "process_chunk", _die)
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "--jobs", "2")
    assert code == 1 and "worker" in _one_line(err)
    assert not (tmp_path / "o" / "documents.csv").exists()


def test_a_full_disk_fails_the_run_in_one_line(corpus, tmp_path, monkeypatch):
    from extract import writers

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers._CsvSink, "add_all", full)
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o")
    assert code == 1 and "No space left" in _one_line(err)
    assert not list((tmp_path / "o").glob(".extract-run-*"))


def test_a_nested_input_with_a_very_long_path_gets_a_short_unique_text_copy(tmp_path):
    corpus = tmp_path / "c"
    deep = corpus.joinpath(*[f"ein_ziemlich_langer_ordnername_{i}" for i in range(14)])
    deep.mkdir(parents=True)
    for name in ("p.html", "q.html"):
        (deep / name).write_text("<p>Das Kompetenzzentrum Berlin erhält 1 Mio. Euro.</p>", encoding="utf-8")
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "-q")
    assert code == 0, err
    copies = list((tmp_path / "o" / "texts").iterdir())
    assert len(copies) == 2 and all(len(p.name.encode()) <= 255 for p in copies)


def test_strict_names_the_files_that_failed(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "--strict", "-q")
    assert code == 1 and "empty" in _one_line(err) and "1 document failed" in err


# ---- evaluate must be able to fail ------------------------------------------------------

def _pred(tmp_path, corpus, fmt="csv"):
    out = tmp_path / f"pred-{fmt}"
    assert _cli("run", corpus, "--out", out, "-q", "--format", fmt)[0] == 0
    return out


def test_evaluate_without_gold_files_fails(tmp_path, corpus):
    (tmp_path / "gold").mkdir()
    for gold in (tmp_path / "gold", tmp_path / "missing"):
        code, out, err = _cli("evaluate", "--gold", gold, corpus)
        assert code == 1 and "gold" in _one_line(err) and "1.000" not in out


def test_evaluate_with_no_document_in_common_or_no_tables_fails(tmp_path, corpus):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "other.json").write_text(json.dumps({"cities": ["Bremen"]}), encoding="utf-8")
    code, _, err = _cli("evaluate", "--gold", gold, "--pred", _pred(tmp_path, corpus))
    assert code == 1 and "no document" in _one_line(err)
    (tmp_path / "empty").mkdir()
    code, _, err = _cli("evaluate", "--gold", gold, "--pred", tmp_path / "empty")
    assert code == 1 and "no tables" in _one_line(err)


def test_a_malformed_gold_file_is_named_with_its_line(tmp_path, corpus):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text('{\n  "cities": ["Bremen",]\n}', encoding="utf-8")
    code, _, err = _cli("evaluate", "--gold", gold, "--pred", _pred(tmp_path, corpus))
    assert code == 1 and "a.json:2" in _one_line(err)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_evaluate_scores_jsonl_and_parquet_predictions_like_csv(tmp_path, corpus, fmt):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"cities": ["Bremen"], "funding": [{"amount_eur": 1200000}]}),
                                 encoding="utf-8")
    csv_out = _cli("evaluate", "--gold", gold, "--pred", _pred(tmp_path, corpus), "--json")
    other = _cli("evaluate", "--gold", gold, "--pred", _pred(tmp_path, corpus, fmt), "--json")
    assert csv_out[0] == other[0] == 0
    assert json.loads(other[1])["fields"] == json.loads(csv_out[1])["fields"]
    assert json.loads(other[1])["fields"]["cities"]["tp"] == 1


# ---- the command line as users expect it ------------------------------------------------

def test_version():
    code, out, _ = _cli("--version")
    assert code == 0 and out.strip() == f"extract {__version__}"


def test_format_and_engine_are_case_insensitive_choices_checked_before_the_pipeline_loads(
        tmp_path, corpus, monkeypatch):
    from extract import pipeline

    code, out, _ = _cli("run", "--help")
    assert "csv" in out and "parquet" in out and "jsonl" in out and "dask" in out
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "--format", "CSV", "--engine", "Local", "-q")
    assert code == 0, err

    def no_build(*_a, **_k):
        raise AssertionError("the pipeline was built before the options were checked")

    monkeypatch.setattr(pipeline, "build_nlp", no_build)
    for option, value in (("--format", "xls"), ("--engine", "spark")):
        code, _, err = _cli("run", corpus, "--out", tmp_path / "o2", option, value)
        assert code == 2 and value in err and "Traceback" not in err
    assert not (tmp_path / "o2").exists()



def test_library_warnings_name_the_file_that_caused_them(tmp_path, corpus):
    (corpus / "bad.pdf").write_bytes(b"not a pdf at all")
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o")
    assert code == 0
    warned = [line for line in err.splitlines() if "pdf header" in line or "EOF marker" in line]
    assert warned and all(line.lstrip("\r").startswith("warning: bad.pdf: ") for line in warned)


def test_the_model_notice_can_be_silenced_keeping_the_summary(tmp_path, corpus):
    from extract.pipeline import model_notice

    code, _, err = _cli("run", corpus, "--out", tmp_path / "o")
    notice = model_notice(None)
    if notice:
        assert err.count(notice) == 1
    code, _, err = _cli("run", corpus, "--out", tmp_path / "o", "--no-notice")
    assert code == 0 and "note:" not in err and "1 documents: 1 ok" in err


def test_the_progress_bar_shows_total_percentage_rate_and_eta(tmp_path, corpus, capsys):
    from extract.runner import run_corpus

    for i in range(5):
        (corpus / f"r{i}.txt").write_text("Das Kompetenzzentrum in Bremen.", encoding="utf-8")
    run_corpus(corpus=corpus, out=tmp_path / "o", progress=True, jobs=1)
    err = capsys.readouterr().err
    assert "100%" in err and "6/6" in err and "docs/s" in err and "ETA" in err


@pytest.mark.parametrize("engine, after", [("local", 2.5), ("dask", 1.0), ("dask", 5.0)])
def test_ctrl_c_exits_quietly_with_130(tmp_path, engine, after):
    import signal
    import subprocess
    import sys

    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "Das Kompetenzzentrum in Bremen erhält 1,2 Mio. Euro vom Bundesministerium. " * 40
    for i in range(800):  # ~10 s of work: the signal comes while it runs
        (corpus / f"r{i}.txt").write_text(text, encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-c", "from extract.cli import main; main()", "run", str(corpus),
                            "--out", str(tmp_path / "o"), "--engine", engine, "--jobs", "2"],
                           stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(after)
    run.send_signal(signal.SIGINT)
    err = run.communicate(timeout=60)[1]
    assert run.returncode == 130, err
    assert "Traceback" not in err and "error: interrupted" in err
    assert not (tmp_path / "o" / "documents.csv").exists()

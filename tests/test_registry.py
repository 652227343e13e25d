"""The corpus-wide registry: keys, the merger (labelled pairs and corpus context), the tables
built from per-document rows, stable ids, and what `extract run` writes. No spaCy here except
in the run at the end."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from extract.registry import Collector, build_registry
from extract.registry.entries import institution_entry
from extract.registry.keys import Keyer, fold, split_acronym, stem
from extract.registry.knowledge import knowledge, parse_programmes, parse_types, parse_words
from extract.registry.merge import cluster
from extract.registry.pairs import score_pairs
from extract.tables import REGISTRY_COLUMNS

from .conftest import CORPUS

PAIRS = Path(__file__).parent / "data" / "registry_pairs.tsv"
KNOWN = knowledge()
KEYER = Keyer(KNOWN.abbreviations, KNOWN.dropped)


@pytest.mark.parametrize(("a", "b"), [
    ("Technischen Universität", "Technische Universität"),
    ("des Deutschen Zentrums", "Deutsches Zentrum"),
    ("Mittelstand-Digital Zentrum", "Mittelstand Digital-Zentrum"),
    ("Universitaet Muenster", "Universität Münsters"),
    ("Musterwerk GmbH", "Musterwerk"),
    ("Verein Muster e. V.", "Verein Muster"),
    ("TU Chemnitz", "Technische Universität Chemnitz"),
])
def test_spellings_of_one_name_have_one_key(a, b):
    assert KEYER.key(a) == KEYER.key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Institut für Informatik", "Institut für Mathematik"),
    ("Landkreis Celle", "Landkreis Cham"),
    ("Stadt Ulm", "Landkreis Ulm"),
])
def test_different_names_keep_different_keys(a, b):
    assert KEYER.key(a) != KEYER.key(b)


def test_fold_stem_and_bracketed_acronym():
    assert fold("Straße Ärzte é") == "strasse aerzte e"
    assert stem("zentrums") == stem("zentrum") == "zentrum"
    assert split_acronym("Innovations- und Technologiezentrum (ITZ) Nord") == (
        "Innovations- und Technologiezentrum Nord", "ITZ")
    assert split_acronym("Zentrum (für alle)") == ("Zentrum (für alle)", "")


def test_the_merger_on_labelled_pairs():
    score = score_pairs(PAIRS)
    assert score.tp + score.fn >= 40 and score.fp + score.tn >= 40, "too few pairs of one kind"
    assert score.precision >= 0.97, score.wrong
    assert score.recall >= 0.9, score.wrong


def _numbers(*variants):
    return cluster([institution_entry(*v, KEYER) for v in variants])


def test_a_short_name_joins_only_a_unique_longer_one():
    short = ("Universität München", "", "München")
    lmu = ("Ludwig-Maximilians-Universität München", "", "München")
    other = ("Bundeswehr-Universität München", "", "München")
    alone = _numbers(short, lmu)
    assert alone[0] == alone[1]
    both = _numbers(short, lmu, other)
    assert len(set(both)) == 3, "an ambiguous short name must stay apart"


def test_a_bare_acronym_defined_twice_joins_neither():
    numbers = _numbers(("ISI", "ISI", "Musterstadt"), ("Institut für Systemintegration", "ISI", "Musterstadt"),
                       ("Institut für Sozialinnovation", "ISI", ""))
    assert len(set(numbers)) == 3


def test_a_name_without_city_joins_only_a_unique_placed_one():
    numbers = _numbers(("Institut für Informatik", "", ""), ("Institut für Informatik", "", "Bremen"),
                       ("Institut für Informatik", "", "Oldenburg"))
    assert len(set(numbers)) == 3
    numbers = _numbers(("Institut für Informatik", "", ""), ("Institut für Informatik", "", "Bremen"))
    assert numbers[0] == numbers[1]


def test_the_clusters_do_not_depend_on_the_order_of_names():
    variants = [("Universität Göttingen", "", "Göttingen"), ("Georg-August-Universität Göttingen", "", "Göttingen"),
                ("Hochschule Harz", "", ""), ("Hochschule Harz", "", "Wernigerode"), ("BIBA", "BIBA", "Bremen"),
                ("Bremer Institut für Produktion und Logistik", "BIBA", "")]
    forward = _numbers(*variants)
    backward = _numbers(*reversed(variants))[::-1]
    assert [forward.index(n) for n in forward] == [backward.index(n) for n in backward]


def test_the_shipped_registry_lists_parse_and_bad_lines_are_refused():
    assert KNOWN.abbreviations["TU"] == "Technische Universität" and "gmbh" in KNOWN.dropped
    assert KNOWN.programmes[0][0] == "Mittelstand-Digital Zentrum"
    assert ("chamber", ("*kammer",)) in KNOWN.types
    with pytest.raises(ValueError, match="registry_words"):
        parse_words(["TU Technische Universität"])
    with pytest.raises(ValueError, match="bad regex"):
        parse_programmes(["EDIH = edih("])
    with pytest.raises(ValueError, match="registry_types"):
        parse_types(["university ="])


# --- the tables, from per-document rows written here -------------------------------------

def _doc(doc_id, published):
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "published": published, "status": "ok", "text_file": ""}


def _centre(doc_id, name, city, state="Sachsen", funding="", start="", end="", kind="Kompetenzzentrum", at=10):
    return {"doc_id": doc_id, "centre": name, "city": city, "state": state, "funding_eur": funding, "start": start,
            "end": end, "lead_partner": "", "lead_acronym": "", "kind": kind, "rule": "centre.test",
            "start_char": at, "end_char": at + len(name)}


def _partner(doc_id, centre, name, role, at, acronym="", city=""):
    return {"doc_id": doc_id, "centre": centre, "name": name, "acronym": acronym, "city": city, "role": role,
            "rule": "rel.test", "start_char": at, "end_char": at + len(name)}


def _rows():
    """Two releases about one centre under two names, a third about another centre; two
    releases name one ministry under its old and its new name."""
    rows = {table: [] for table in Collector().rows}
    rows["documents"] += [_doc("a", "2019-03-01"), _doc("b", "2022-05-02"), _doc("c", "2021")]
    rows["centres"] += [
        _centre("a", "Mittelstand 4.0-Kompetenzzentrum Chemnitz", "Chemnitz", funding="3600000", start="2019-01"),
        _centre("b", "Kompetenzzentrum Mittelstand 4.0", "Chemnitz", end="2023-12"),
        _centre("c", "Digital Hub Musterland", "Leipzig", kind="Digital Hub")]
    rows["partners"] += [
        _partner("a", "Mittelstand 4.0-Kompetenzzentrum Chemnitz", "Technische Universität Chemnitz", "lead", 100,
                 city="Chemnitz"),
        _partner("a", "Mittelstand 4.0-Kompetenzzentrum Chemnitz", "Handwerkskammer Chemnitz", "partner", 200,
                 city="Chemnitz"),
        _partner("b", "Kompetenzzentrum Mittelstand 4.0", "TU Chemnitz", "lead", 50, city="Chemnitz"),
        _partner("c", "Digital Hub Musterland", "Technischen Universität Chemnitz", "partner", 70)]
    rows["funding"] += [
        {"doc_id": "b", "centre": "Kompetenzzentrum Mittelstand 4.0", "amount_eur": "4000000", "scope": "centre",
         "start_char": 300, "end_char": 318}]
    rows["periods"] += [{"doc_id": "a", "centre": "Mittelstand 4.0-Kompetenzzentrum Chemnitz", "start": "2019-01",
                         "end": "2021-12", "kind": "funding"}]
    rows["ministries"] += [
        {"doc_id": "a", "name": "Bundesministerium für Wirtschaft und Energie", "acronym": "BMWi",
         "level": "federal", "state": "", "rule": "ministries.name", "start_char": 5, "end_char": 49},
        {"doc_id": "b", "name": "Bundesministerium für Wirtschaft und Klimaschutz", "acronym": "BMWK",
         "level": "federal", "state": "", "rule": "ministries.name", "start_char": 7, "end_char": 55}]
    return rows


def test_one_centre_under_two_names_is_one_registry_row():
    registry = build_registry(_rows())
    centres = {r["city"]: r for r in registry["registry_centres"]}
    assert len(centres) == 2
    chemnitz = centres["Chemnitz"]
    assert chemnitz["programme"] == "Mittelstand 4.0-Kompetenzzentrum"
    assert chemnitz["doc_ids"] == "a; b" and chemnitz["n_documents"] == 2
    assert (chemnitz["first_published"], chemnitz["last_published"]) == ("2019-03-01", "2022-05-02")
    assert chemnitz["sums"] == "3600000 centre; 4000000 centre" and chemnitz["funding_eur"] == 4000000
    assert (chemnitz["start"], chemnitz["end"]) == ("2019-01", "2023-12")
    assert chemnitz["periods"] == "/2023-12; 2019-01/2021-12 funding"
    assert chemnitz["lead"] == "Technische Universität Chemnitz" and chemnitz["n_partners"] == 2
    assert centres["Leipzig"]["programme"] == "Digital Hub"


def test_institutions_merge_across_documents_and_keep_their_links():
    registry = build_registry(_rows())
    by_name = {r["name"]: r for r in registry["registry_institutions"]}
    tu = by_name["Technische Universität Chemnitz"]
    assert tu["names"] == "TU Chemnitz; Technische Universität Chemnitz; Technischen Universität Chemnitz"
    assert tu["type"] == "university" and tu["n_documents"] == 3 and tu["city"] == "Chemnitz"
    centre_ids = {r["city"]: r["centre_id"] for r in registry["registry_centres"]}
    assert tu["leads"] == centre_ids["Chemnitz"] and tu["partner_of"] == centre_ids["Leipzig"]
    assert by_name["Handwerkskammer Chemnitz"]["type"] == "chamber"
    tu_links = [r for r in registry["registry_links"] if r["institution_id"] == tu["institution_id"]]
    assert [(r["doc_id"], r["role"], r["start_char"], r["end_char"]) for r in tu_links if r["role"] == "lead"] == [
        ("a", "lead", 100, 131), ("b", "lead", 50, 61)]


def test_a_renamed_ministry_is_one_institution_under_its_latest_name():
    ministries = [r for r in build_registry(_rows())["registry_institutions"] if r["type"] == "ministry"]
    assert len(ministries) == 1
    assert ministries[0]["name"] == "Bundesministerium für Wirtschaft und Klimaschutz"
    assert ministries[0]["doc_ids"] == "a; b" and ministries[0]["leads"] == ministries[0]["partner_of"] == ""


def test_ministry_lines_follow_the_successor_that_keeps_most_departments():
    def line(name):
        return {period[0] for period in KNOWN.lineages[name]}

    bmvi = line("Bundesministerium für Verkehr und digitale Infrastruktur")
    assert bmvi == line("Bundesministerium für Digitales und Verkehr") == line("Bundesministerium für Verkehr")
    assert line("Bundesministerium für Digitales und Staatsmodernisierung") != bmvi
    bmbf = line("Bundesministerium für Bildung und Forschung")
    assert bmbf == line("Bundesministerium für Forschung, Technologie und Raumfahrt")
    family = line("Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend")
    assert family == line("Bundesministerium für Familie, Senioren, Frauen und Jugend") != bmbf
    economy = line("Bundesministerium für Wirtschaft und Energie")
    assert line("Bundesministerium für Wirtschaft und Klimaschutz") == economy


def test_a_recurring_ministry_name_takes_the_period_of_its_release():
    rows = _rows()
    rows["documents"][1]["published"] = ""  # the release naming BMWK has no date
    rows["documents"].append(_doc("e", "2025-09-01"))
    rows["ministries"].append({**rows["ministries"][0], "doc_id": "e", "acronym": "BMWE"})
    ministry = next(r for r in build_registry(rows)["registry_institutions"] if r["type"] == "ministry")
    # "für Wirtschaft und Energie" of 2025 is a newer name than "für Wirtschaft und Klimaschutz"
    assert (ministry["name"], ministry["acronym"]) == ("Bundesministerium für Wirtschaft und Energie", "BMWE")
    rows["ministries"].pop()
    ministry = next(r for r in build_registry(rows)["registry_institutions"] if r["type"] == "ministry")
    assert ministry["acronym"] == "BMWK"  # that of 2019 is the older one


def test_ids_stay_when_documents_are_reordered_or_added():
    rows = _rows()
    first = build_registry(rows)
    reordered = {table: list(reversed(r)) for table, r in rows.items()}
    reordered["documents"].append(_doc("d", "2023"))
    reordered["centres"].append(_centre("d", "KI-Servicezentrum Anderstadt", "Anderstadt"))
    reordered["partners"].append(_partner("d", "KI-Servicezentrum Anderstadt", "Hochschule Anderstadt", "lead", 9))
    second = build_registry(reordered)
    for table, key in (("registry_centres", "centre_id"), ("registry_institutions", "institution_id")):
        before = {r[key]: r for r in first[table]}
        after = {r[key]: r for r in second[table]}
        assert set(before) < set(after)
        assert all(after[k] == row for k, row in before.items())
    assert [r for r in second["registry_links"] if r["doc_id"] != "d"] == first["registry_links"]


def test_rows_have_the_declared_columns():
    for table, rows in build_registry(_rows()).items():
        columns = set(REGISTRY_COLUMNS[table])
        date_parts = {c for c in columns if c.endswith(("_year", "_month"))}  # filled by tables.project
        assert rows and all(set(r) == columns - date_parts for r in rows), table


def test_the_collector_reads_cells_as_workers_send_them():
    from extract.tables import cells, csv_row

    rows = _rows()
    rows["partners"][1]["name"] = "-Werk Chemnitz"  # a cell that the CSV writer neutralises
    collector = Collector()
    collector.add_cells(cells(rows))
    partner, centre = collector.rows["partners"][1], collector.rows["centres"][0]
    assert csv_row([partner["name"]]) == ["'-Werk Chemnitz"]  # the apostrophe is the CSV's only
    assert partner["name"] == "-Werk Chemnitz" and partner["start_char"] == rows["partners"][1]["start_char"]
    assert (centre["funding_eur"], centre["lead_partner"]) == (3600000, "")  # typed; "" for unknown
    registry = build_registry(collector.rows)
    assert "-Werk Chemnitz" in {r["name"] for r in registry["registry_institutions"]}
    from_rows = Collector()
    from_rows.add_rows(rows)  # dicts as tables.doc_rows gives them: typed as the cells are
    assert build_registry(from_rows.rows) == registry


# --- what extract run writes -------------------------------------------------------------

def test_run_writes_the_registry_into_the_out_folder_transaction(tmp_path):
    from extract.runner import run_corpus

    run_corpus(corpus=CORPUS, out=tmp_path, jobs=1, quiet=True)
    manifest = json.loads((tmp_path / ".extract-run.json").read_text(encoding="utf-8"))
    for table, columns in REGISTRY_COLUMNS.items():
        assert f"{table}.csv" in manifest["files"]
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert tuple(reader.fieldnames) == columns
            assert list(reader), f"{table} is empty"
    with (tmp_path / "registry_centres.csv").open(encoding="utf-8", newline="") as fh:
        centres = list(csv.DictReader(fh))
    magdeburg = next(r for r in centres if r["city"] == "Magdeburg")
    assert magdeburg["programme"] == "Mittelstand 4.0-Kompetenzzentrum"
    assert magdeburg["lead"].startswith("Fraunhofer-Institut für Fabrikbetrieb")


def _broken_registry_rules(tmp_path: Path) -> Path:
    import shutil

    from extract.rules import DEFAULT_RULES_DIR

    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    with (rules / "lists" / "registry_programmes.txt").open("a", encoding="utf-8") as fh:
        fh.write("Broken Programme = (unclosed\n")
    return rules


def test_rules_check_reports_a_broken_registry_list(tmp_path):
    from .test_rules_check import run

    result = run("rules", "check", "--rules", str(_broken_registry_rules(tmp_path)))
    assert result.exit_code == 1 and "registry_programmes: bad regex in 'Broken Programme" in result.stderr


def test_a_run_with_a_broken_registry_list_fails_before_it_writes(tmp_path):
    from .test_cli_errors import _cli

    code, _, err = _cli("run", CORPUS, "--out", tmp_path / "o", "--rules", _broken_registry_rules(tmp_path), "-q")
    assert code == 2 and "registry_programmes" in err
    assert not (tmp_path / "o" / "documents.csv").exists()

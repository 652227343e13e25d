"""Score output tables against gold annotations (the format of gold/FORMAT.md).

Matching, as in the shared scorer: strings compare after case, umlaut and punctuation
folding; partners and ministries match on acronyms or mostly shared name tokens; a city
matches its gold name or that name's first word; money within 1 euro; a period on its end
month (or its duration when gold gives only one); centres on their city, and a centre's
funding, end and lead are scored as `centre_facts`.
"""
from __future__ import annotations

import csv
import json
import re
import tempfile
import unicodedata
from pathlib import Path

MISSION = ("centres", "cities", "ministries", "partners", "funding", "periods")
EXTRA = ("centre_facts", "persons", "published")
_STOP = frozenset(
    "der die das des dem den und fur fuer im in an am zu zur zum von vom e v ev gmbh ggmbh mbh ag "
    "the of for and ein eine sowie".split())


def fold(text) -> str:
    if text is None:
        return ""
    text = str(text).strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def _tokens(text) -> set[str]:
    return {t for t in fold(text).split() if t not in _STOP and len(t) > 1}


def names_match(pred_names, pred_acr, gold_names, gold_acr) -> bool:
    pa, ga = fold(pred_acr), fold(gold_acr)
    if pa and ga and pa == ga:
        return True
    for p in filter(None, map(fold, pred_names)):
        for g in filter(None, map(fold, gold_names)):
            if p == g or (ga and p == ga) or (pa and g == pa):
                return True
            small, big = sorted((_tokens(p), _tokens(g)), key=len)
            if len(small) >= 2 and len(small & big) / len(small) >= 0.8:
                return True
    return False


def city_match(pred, gold) -> bool:
    p, g = fold(pred), fold(gold)
    return bool(p) and (p == g or p == g.split(" ")[0] or g == p.split(" ")[0])


def month(value) -> str:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", (value or "").strip())
    return f"{m.group(1)}-{m.group(2) or '12'}" if m else ""


def number(value):
    try:
        return float(str(value).replace(",", "")) if str(value).strip() else None
    except ValueError:
        return None


def _money(a, b) -> bool:
    a, b = number(a), number(b)
    return a is not None and b is not None and abs(a - b) <= 1


def _period(p, g) -> bool:
    if month(g.get("end")):
        return month(p.get("end")) == month(g.get("end"))
    gd = number(g.get("duration_months"))
    return gd is not None and number(p.get("duration_months")) == gd


def _person(p, g) -> bool:
    pt, gt = _tokens(p.get("name")), _tokens(g.get("name"))
    return bool(pt and gt and (pt <= gt or gt <= pt))


def _org(p, g) -> bool:
    return names_match([p.get("name")], p.get("acronym"), [g.get("name"), *g.get("aliases", [])],
                       g.get("acronym"))


FIELDS = {  # field: (table, match(pred_row, gold_item), dedupe key)
    "cities": ("cities", lambda p, g: city_match(p.get("city"), g["city"]), lambda r: fold(r.get("city"))),
    "centres": ("centres", lambda p, g: city_match(p.get("city"), g.get("city")),
                lambda r: fold(r.get("city")) or fold(r.get("centre"))),
    "ministries": ("ministries", _org, lambda r: (fold(r.get("name")), fold(r.get("acronym")))),
    "partners": ("partners", _org, lambda r: (fold(r.get("name")), fold(r.get("acronym")))),
    "funding": ("funding", lambda p, g: _money(p.get("amount_eur"), g.get("amount_eur")),
                lambda r: number(r.get("amount_eur"))),
    "periods": ("periods", _period,
                lambda r: (month(r.get("start")), month(r.get("end")), number(r.get("duration_months")))),
    "persons": ("persons", _person, lambda r: fold(r.get("name"))),
}
_EMPTY_KEYS = ("", (None, None, None), None)  # as the shared scorer: only these count as empty


def _dedupe(rows, key):
    seen, out = set(), []
    for r in rows:
        k = key(r)
        if k in _EMPTY_KEYS or k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


def _match(preds, golds, optional, fn) -> tuple[int, int, int]:
    left, tp, fp = list(golds), 0, 0
    for p in preds:
        hit = next((g for g in left if fn(p, g)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
        elif not any(fn(p, o) for o in optional):
            fp += 1
    return tp, fp, len(left)


def _items(field, values):
    return [{"city": v} if field == "cities" and isinstance(v, str) else v for v in values]


def _centre_facts(gold_centres, pred_rows) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for gc in gold_centres:
        row = next((r for r in pred_rows if city_match(r.get("city"), gc.get("city"))), None)
        for key, col in (("funding_eur", "funding_eur"), ("end", "end"), ("lead", "lead_partner")):
            gv, pv = gc.get(key), (row or {}).get(col)
            has = bool((pv or "").strip())
            if gv in (None, ""):
                fp += int(has and key != "end")  # an unsupported end is tolerated
                continue
            if key == "funding_eur":
                ok = _money(pv, gv)
            elif key == "end":
                ok = month(pv) == month(gv)
            else:
                ok = names_match([pv], pv, [gv] if isinstance(gv, str) else gv, None)
            if has and ok:
                tp += 1
            else:
                fn += 1
                fp += int(has)
    return tp, fp, fn


class EvaluateError(Exception):
    """Nothing to score: no gold, no tables, no document in common, or a malformed gold file."""


_TABLES = ("documents", "cities", "centres", "ministries", "partners", "funding", "periods", "persons")


def read_tables(pred_dir: Path) -> dict[str, dict[str, list[dict]]]:
    """The tables of an outputs folder (CSV, JSONL or Parquet) by doc_id; raises
    outdir.OutDirError unless they are the complete set of one run (outdir.check_complete),
    EvaluateError when the folder holds no tables."""
    from .outdir import check_complete

    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise EvaluateError(f"prediction folder not found: {pred_dir}")
    check_complete(pred_dir)
    fmt = next((f for f in ("csv", "jsonl", "parquet") if (pred_dir / f"documents.{f}").is_file()), None)
    if fmt is None:
        raise EvaluateError(f"no tables in {pred_dir} (documents.csv, .jsonl or .parquet); "
                            f"write them with extract run --out {pred_dir}")
    tables = {}
    for name in _TABLES:
        by_doc: dict[str, list[dict]] = {}
        path = pred_dir / f"{name}.{fmt}"
        if path.exists():
            for row in _rows(path, fmt):
                by_doc.setdefault(row.get("doc_id", ""), []).append(row)
        tables[name] = by_doc
    return tables


def _rows(path: Path, fmt: str):
    """Rows as dicts of strings, as the CSV holds them, whatever the format."""
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    elif fmt == "jsonl":
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield {k: "" if v is None else str(v) for k, v in json.loads(line).items()}
    else:
        import pyarrow.parquet as pq

        yield from ({k: "" if v is None else str(v) for k, v in row.items()}
                    for row in pq.read_table(path).to_pylist())


def read_gold(gold_dir: Path) -> dict[str, dict]:
    """{doc_id: gold} of the *.json files in `gold_dir`; EvaluateError names a malformed file."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvaluateError(f"gold folder not found: {gold_dir}")
    golds = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            golds[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise EvaluateError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
        except UnicodeDecodeError:
            raise EvaluateError(f"{path}: not UTF-8 text") from None
        if not isinstance(golds[path.stem], dict):
            raise EvaluateError(f"{path}:1: a gold file holds one JSON object")
    if not golds:
        raise EvaluateError(f"no gold files (*.json) in {gold_dir}")
    return golds


def score(gold_dir: Path, pred_dir: Path) -> dict:
    """{"fields": {field: {tp, fp, fn, p, r, f1}}, "mission_f1", "all_f1", "docs": {...}}.
    EvaluateError when there is nothing to score (see read_gold, read_tables) or no gold
    document is among the predicted ones."""
    golds = read_gold(gold_dir)
    tables = read_tables(pred_dir)
    if not golds.keys() & tables["documents"].keys():
        raise EvaluateError(f"no document of the gold in {gold_dir} is in the tables of {pred_dir} "
                            f"(doc_id is the file name without suffix)")
    totals = {f: [0, 0, 0] for f in MISSION + EXTRA}
    docs = {}
    for doc_id, gold in golds.items():
        counts = {}
        for field, (table, fn, key) in FIELDS.items():
            preds = _dedupe(tables[table].get(doc_id, []), key)
            counts[field] = _match(preds, _items(field, gold.get(field, [])),
                                   _items(field, gold.get("optional", {}).get(field, [])), fn)
        counts["centre_facts"] = _centre_facts(gold.get("centres", []), tables["centres"].get(doc_id, []))
        pub = (tables["documents"].get(doc_id, [{}])[0].get("published") or "").strip()[:10]
        gpub = gold.get("published")
        counts["published"] = (int(bool(gpub) and pub == gpub), int(bool(pub) and pub != (gpub or "")),
                               int(bool(gpub) and pub != gpub))
        for field, c in counts.items():
            for i in range(3):
                totals[field][i] += c[i]
        docs[doc_id] = counts
    fields = {f: _prf(*v) for f, v in totals.items()}
    return {"fields": fields, "mission_f1": sum(fields[f]["f1"] for f in MISSION) / len(MISSION),
            "all_f1": sum(fields[f]["f1"] for f in MISSION + EXTRA) / len(MISSION + EXTRA), "docs": docs}


def _prf(tp, fp, fn) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate_corpus(*, gold: Path, corpus: Path, pred_dir: Path | None = None, rules_dir=None) -> dict:
    """Run the pipeline over `corpus` (unless `pred_dir` holds tables already) and score it."""
    if pred_dir is not None:
        return score(gold, pred_dir)
    from .runner import run_corpus

    read_gold(gold)  # fail before the run
    with tempfile.TemporaryDirectory(prefix="extract-eval-") as tmp:
        run_corpus(corpus=corpus, out=Path(tmp), rules_dir=rules_dir, quiet=True)
        return score(gold, Path(tmp))


def format_report(report: dict, *, docs: bool = False, as_json: bool = False) -> str:
    if as_json:
        return json.dumps({**report, "docs": report["docs"] if docs else None})
    lines = [f"{'field':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for f in MISSION + EXTRA:
        r = report["fields"][f]
        lines.append(f"{f:<14}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}{r['p']:>8.3f}{r['r']:>8.3f}{r['f1']:>8.3f}")
    if docs:
        for doc_id, counts in report["docs"].items():
            bad = {f: c for f, c in counts.items() if c[1] or c[2]}
            if bad:
                lines.append(doc_id + " " + " ".join(f"{f}:fp{c[1]}/fn{c[2]}" for f, c in bad.items()))
    lines.append(f"mission macro-F1 {report['mission_f1']:.3f}  all-fields macro-F1 {report['all_f1']:.3f}")
    return "\n".join(lines)

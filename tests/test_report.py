"""`extract report`: one offline page whose figures and tables link back to the documents.
Checked structurally (the page is looked at in a browser by hand, not in the tests)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from extract.report import write_report
from extract.report.charts import Bar, bar_chart, euros
from extract.report.geo import coordinates
from extract.runner import run_corpus

from .conftest import CORPUS
from .test_cli_errors import _cli


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.tags = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run")
    run_corpus(corpus=CORPUS, out=folder, jobs=1, quiet=True)
    return folder


def _page(out: Path, tmp_path: Path) -> tuple[str, _Links]:
    html = tmp_path / "report.html"
    write_report(out_dir=out, html=html)
    text = html.read_text(encoding="utf-8")
    links = _Links()
    links.feed(text)
    return text, links


def test_the_page_is_self_contained(out, tmp_path):
    text, links = _page(out, tmp_path)
    assert not re.search(r"https?://", text), "the page must not fetch anything"
    assert not [a for tag, a in links.tags if tag in ("script", "img", "link") and ("src" in a or "href" in a)]
    assert text.count("<svg") == 3 and "<style>" in text and "<script>" in text


def test_every_figure_and_row_links_to_something_on_the_page_or_a_document(out, tmp_path):
    _, links = _page(out, tmp_path)
    inner = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert inner and set(inner) <= links.ids
    documents = [h for h in links.hrefs if h.startswith("file:")]
    assert {Path(unquote(urlparse(h).path)).name for h in documents} == {p.name for p in CORPUS.glob("*.txt")}
    assert all(Path(unquote(urlparse(h).path)).is_file() for h in documents)


def test_the_map_places_the_centres_cities(out, tmp_path):
    text, links = _page(out, tmp_path)
    circles = [a for tag, a in links.tags if tag == "circle"]
    assert len(circles) >= 3
    assert ">Magdeburg<" in text and ">Ilmenau<" in text
    magdeburg, ilmenau = coordinates("Magdeburg"), coordinates("Ilmenau")
    assert magdeburg[0] > ilmenau[0] and 52 < magdeburg[0] < 52.3 and 11.5 < magdeburg[1] < 11.8


def test_tables_are_sortable_and_hold_the_registry(out, tmp_path):
    text, links = _page(out, tmp_path)
    assert text.count('class="sortable"') == 3
    centre_rows = [a["id"] for tag, a in links.tags if tag == "tr" and a.get("id", "").startswith("c_")]
    csv_rows = (out / "registry_centres.csv").read_text(encoding="utf-8").count("\n") - 1
    assert len(centre_rows) == csv_rows > 0


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_the_report_reads_every_format(out, tmp_path, fmt):
    other = tmp_path / fmt
    run_corpus(corpus=CORPUS, out=other, jobs=1, quiet=True, fmt=fmt)
    assert _page(other, tmp_path / "a")[0].count("<tr id=") == _page(out, tmp_path / "b")[0].count("<tr id=")


def test_bars_scale_to_the_largest_and_say_their_sums():
    svg = bar_chart([Bar("2020", 4_600_000, "#year-2020", "t"), Bar("2021", 2_300_000, "#year-2021", "t")])
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])
    assert euros(4_600_000) == "4.6 Mio. €" and euros(850_000) == "850 Tsd. €"


def test_report_of_a_folder_without_a_run_is_one_line_exit_2(tmp_path):
    code, _, err = _cli("report", tmp_path, "--html", tmp_path / "r.html")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1

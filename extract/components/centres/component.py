"""The extract_centres factory: finds the head matches of a text and makes their mentions,
then the sites, listed names and aliases of the centres found."""
from __future__ import annotations

from spacy.language import Language

from ...model import Mention
from ...text.sentences import Sentences
from .aliases import aliases, listed_names
from .context import Context
from .lexicon import load_lexicon
from .mention import mention
from .sites import sites


@Language.factory("extract_centres", default_config={"rules_dir": ""},
                  requires=["doc._.text", "doc._.mentions"],
                  assigns=["doc._.mentions"])
def make_centres(nlp, name, rules_dir):
    return Centres(rules_dir or None)


class Centres:
    def __init__(self, rules_dir: str | None):
        self.lexicon = load_lexicon(rules_dir)
        self.places = self.lexicon.places

    def __call__(self, doc):
        text = doc._.text
        mentions = doc._.mentions
        cities = sorted((m for m in mentions if m.label == "CITY"), key=lambda m: m.start)
        states = [m for m in mentions if m.label == "STATE"]
        taken = [(m.start, m.end) for m in mentions if m.label in ("ORG", "MINISTRY", "PERSON")]
        if doc._.sentences is None:
            doc._.sentences = Sentences(text)
        ctx = Context(text, cities, states, self.places, taken, doc._.sentences)
        found = self.find(text, ctx)
        mentions.extend(found)
        return doc

    def find(self, text: str, ctx: Context) -> list[Mention]:
        lex = self.lexicon
        # each rule runs near the literals its regex requires (scanner.Scanner)
        blocked = [m.span() for regex in lex.excludes for m in lex.scanners[id(regex)].finditer(text)]
        cands = []
        for order, (regex, value, rule_id) in enumerate(lex.head_rules):
            for m in lex.scanners[id(regex)].finditer(text):
                cands.append((m.start(), -m.end(), order, value, rule_id))
        cands.sort()
        out: list[Mention] = []
        last_end = -1
        for start, neg_end, _, value, rule_id in cands:
            end = -neg_end
            if start < last_end or (blocked and any(s <= start < e or start <= s < end for s, e in blocked)):
                continue
            found = mention(lex, text, start, end, value, rule_id, ctx)
            if found is not None:
                out.append(found)
                last_end = end
        out.extend(sites(lex, text, out, ctx))
        out.extend(listed_names(lex, text, out, ctx))
        out.extend(aliases(lex, text, out, ctx))
        return out



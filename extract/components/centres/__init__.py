"""Centres (CENTRE): funded competence centres, hubs, agencies, labs, named in the text.

Head words come from the CENTRE rules in rules/patterns/centres.jsonl and are classified by
rules/lists/centre_heads.txt. Each head is extended to its name (quoted name, title words,
acronym), then tied to a city: a CITY inside the name, a city adjective ("Bremer"), "in X"
right after it, a dateline, an "in X" in a sentence that says the centre opens or sits there,
or a sentence listing its sites ("Standorte werden Hamburg, Bremen …", or bullets that open
with the site). A plural becomes one site per city when the text lists them: "Zentren in A,
B und C", a sentence that places it at an enumeration, a header over bullet entries ("LOEWE-
Zentren:" then "• „X“ (Institut, Frankfurt)"). A named centre's acronym or coined word
recurring later ("KQCBW", "ARENA2036") is an alias of it; a described coined name listed
beside a centre ("darunter DIANA (…), das …, und das KI-Lab X") is one of its kind.

attrs: city, kind, generic, plural, anaphor (a bare "das Zentrum"), site (a mention made for
one city of a list of sites, spanning the centre word the list belongs to; `entry` is the
list entry it came from), alias and listed.

Modules: component (the factory, the scan of head rules), lexicon (what it reads from rules/),
heads (kinds and number of head words), names (the words that make a name), mention (one
mention in steps), seats (the city a centre sits in), lists (enumerations of cities), sites
(one mention per listed city), aliases (a centre named again), context (sentences and places
by position). Sentences, clauses, bullet lists and ranges come from the text toolkit (text/).
"""
from .component import Centres, make_centres
from .context import Context, PlaceNames, city_adjective_stems
from .heads import HeadForms, load_heads
from .lexicon import CentreLexicon, load_lexicon

__all__ = ["CentreLexicon", "Centres", "Context", "HeadForms", "PlaceNames", "city_adjective_stems",
           "load_heads", "load_lexicon", "make_centres"]

"""ORG mentions: universities, institutes, chambers, associations, companies and agencies.

Three scans over the raw text: head words ("…universität", "Institut", "IHK", from
rules/lists/institution_heads.txt) grown left (adjectives, "Industrie- und") and right ("für …",
a city, "(ACR)", a legal form); legal forms ("… GmbH") grown left; and acronyms the text defines
("… (ThZM)", "BIBA – …"), whose later bare uses get the same normalized name, so that one
institution under several names counts once. Ministries and funded centres are left to their
own components.

Modules: component (the factory and the order of the scans), lexicon (what it reads from
rules/), heads (head words and their scan), grow (a head grown to its name), scans (legal
forms, company names, place acronyms, joined names), names (canonical names and acronym
uses), org (an institution being read).
"""
from .component import Institutions, find_institutions, make_institutions
from .lexicon import InstitutionLexicon, load_lexicon

__all__ = ["InstitutionLexicon", "Institutions", "find_institutions", "load_lexicon", "make_institutions"]

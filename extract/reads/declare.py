"""The shapes of a declaration (see extract/reads/__init__.py): counts, kinds, files."""
from __future__ import annotations

from dataclasses import dataclass, field

# How many rules of a kind the component uses.
ONE = "exactly one"
SOME = "one or more"
OPTIONAL = "at most one"
ANY = "any number"


@dataclass(frozen=True)
class Kind:
    """One kind of rule in a pattern file. `keys`: the optional rule keys the component reads
    for it (id, label, kind, pattern and description are always allowed); `values`: the values
    a key may take."""
    count: str = ANY
    keys: tuple[str, ...] = ("flags",)
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PatternFile:
    """rules/patterns/FILE.jsonl: rules of `label`, by kind (None: rules without a kind)."""
    file: str
    label: str
    kinds: dict[str | None, Kind]


@dataclass(frozen=True)
class Gazetteer:
    """rules/gazetteers/NAME.csv: its columns (`id` is implied) and the values of enum columns
    (an empty cell of an optional column is always allowed)."""
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class WeightList:
    """A word list of `name = number` lines that names each of `names` exactly once."""
    names: tuple[str, ...]


@dataclass(frozen=True)
class TaggedList:
    """A word list of `TAG ENTRY` lines (`TAG ENTRY = VALUE` for the tags in `valued`), each
    entry a single word that stands once under its tag."""
    tags: tuple[str, ...]
    valued: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValueList:
    """A word list of `ENTRY` or `ENTRY = VALUE` lines, VALUE one of `values`; each entry once."""
    values: tuple[str, ...]


@dataclass(frozen=True)
class Reads:
    """What one component (its spaCy factory name) reads. `gazetteers` and `lists` name files;
    a Gazetteer is declared by one component only, another reading it names it as a string."""
    component: str
    patterns: tuple[PatternFile, ...] = ()
    gazetteers: tuple[Gazetteer | str, ...] = ()
    lists: tuple[str, ...] = ()
    # the form of a list's lines, declared by one component only (others name the list)
    list_forms: dict[str, WeightList | TaggedList | ValueList] = field(default_factory=dict)

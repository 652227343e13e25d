"""What each component reads from rules/, declared beside the others in one module per component.

A declaration names the pattern files a component reads, the label and the kinds of their rules,
how many rules of each kind it uses, the optional keys it reads and the values an enum key may
take; the gazetteers (with their columns) and the word lists it reads. Every load of the rules
holds the files to these declarations (extract/reads/check.py), so a rule that no code reads,
a misspelt kind or a second rule where the code takes one is an error with FILE:LINE, never
silently ignored. No spaCy here: `extract rules check` and the loader import it cheaply.
"""
from __future__ import annotations

from .declare import Gazetteer, Reads


def declarations() -> tuple[Reads, ...]:
    """Every component's declaration, in pipeline order, then the registry's (after the run)."""
    from . import boilerplate, centres, institutions, ministries, persons, places, registry, relations, temporal

    return tuple(m.READS for m in (boilerplate, temporal, places, ministries, institutions, centres,
                                   persons, relations, registry))


def gazetteer_columns() -> dict[str, Gazetteer]:
    """Gazetteer name -> its declared columns."""
    return {g.name: g for reads in declarations() for g in reads.gazetteers if isinstance(g, Gazetteer)}

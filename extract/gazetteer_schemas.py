"""Columns of each gazetteer in rules/gazetteers/: (required, optional), `id` implied."""
from .rules import GAZETTEERS

GAZETTEERS.update({
    # filled by the components' authors; one entry per file stem
})

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    """One pipeline for the whole session (building it loads every rule file)."""
    from extract.pipeline import build_nlp

    return build_nlp(notice=False)


@pytest.fixture
def pipeline(nlp):
    """The session pipeline, restored after a test that adds, removes or disables components."""
    names = list(nlp.pipe_names)
    disabled = set(nlp.disabled)
    yield nlp
    for name in list(nlp.pipe_names):
        if name not in names:
            nlp.remove_pipe(name)
    for name in set(nlp.disabled) - disabled:
        nlp.enable_pipe(name)
    assert nlp.pipe_names == names, "a test removed a component it did not restore"

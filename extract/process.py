"""One read document -> the rows of every table, within a time budget. The runner (one process)
and the engines (workers) both call it, so neither imports the other."""
from __future__ import annotations

import contextlib
import signal
import threading

from .tables import doc_rows, error_rows, text_file_for


class DocumentTimeout(Exception):
    """A document took longer than its time budget (--doc-timeout)."""


def process_document(nlp, document, timeout: float | None = None) -> dict[str, list[dict]]:
    """Rows of every table for one read document; errors, and a document that takes longer
    than `timeout` seconds, become a documents row with the reason."""
    from .pipeline import analyse_long

    if document.status != "ok" or document.text is None:
        return error_rows(document, document.error)
    try:
        with time_limit(timeout):
            doc = analyse_long(nlp, document.text, doc_id=document.doc_id, published=document.published)
    except DocumentTimeout:
        return error_rows(document, f"timed out: took longer than {timeout:g} s (--doc-timeout)")
    except Exception as exc:  # one bad document must not stop the run
        return error_rows(document, f"processing failed: {type(exc).__name__}: {exc}")
    text_file = text_file_for(document.doc_id) if document.needs_text_copy else ""
    return doc_rows(document, doc, text_file=text_file)


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout in the block once `seconds` have passed (SIGALRM: only in the main
    thread of a process on POSIX; elsewhere, e.g. in dask's worker threads, there is no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = [True]

    def expire(_signum, _frame):
        if armed[0]:
            raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""Running many documents: failure summary, progress on stderr, worker processes in input order."""

from __future__ import annotations

import io

from rich.console import Console

from dateline.ingest import RawDocument
from dateline.run.local import annotate_raw
from dateline.run.outcome import FailureSummary, failure_codes, is_failed
from dateline.run.progress import track_documents
from dateline.run.workers import annotate_in_workers, lost_article
from dateline.schema import Article, ErrorInfo
from store_samples import batch_with_a_crash


def _article(path: str, text: str = "Some text.", *codes: str) -> Article:
    return Article(
        id=path,
        source_path=path,
        text=text,
        errors=[ErrorInfo(code=c, message=f"[{c}] trouble in {path}") for c in codes],
    )


def test_warning_is_not_a_failure() -> None:
    assert not is_failed(_article("a.txt", "Text with a replacement character \ufffd.", "E004"))
    assert is_failed(_article("b.txt", "Text the layers choked on.", "E010"))


def test_empty_document_counts_as_failed() -> None:
    assert failure_codes(_article("blank.txt", "  \n")) == ["E002"]


def test_failure_summary_counts_codes_and_names_first_paths() -> None:
    summary = FailureSummary()
    summary.add(_article("ok.txt"))
    for i in range(5):
        summary.add(_article(f"gone{i}.txt", "", "E001"))
    summary.add(_article("pic.jpg", "", "E003"))
    assert (summary.documents, summary.failed, summary.exit_code) == (7, 6, 1)
    lines = summary.lines()
    assert lines[0] == "6 of 7 documents failed:"
    assert lines[1] == "  E001 ×5 (unreadable): gone0.txt, gone1.txt, gone2.txt and 2 more"
    assert lines[2] == "  E003 ×1 (binary): pic.jpg"
    assert FailureSummary().lines() == [] and FailureSummary().exit_code == 0


def test_summary_lists_undated_articles_as_warnings_not_failures() -> None:
    summary = FailureSummary()
    summary.add(_article("dated.txt"))
    summary.add(_article("undated.txt", "Talks were held Monday.", "E011"))
    assert (summary.failed, summary.warned, summary.exit_code) == (0, 1, 0)
    assert summary.lines() == []
    assert summary.warning_lines()[0] == "1 of 2 documents with warnings:"
    assert (
        summary.warning_lines()[1].startswith("  E011 ×1 (no publication time")
        and "undated.txt" in (summary.warning_lines()[1])
    )


def _plain_console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=False, width=100), buf


def test_progress_reports_once_for_several_documents_off_a_terminal() -> None:
    con, buf = _plain_console()
    assert list(track_documents(range(3), "ingest", con)) == [0, 1, 2]
    assert buf.getvalue().startswith("ingest: 3 documents in ")
    assert "docs/s" in buf.getvalue()
    con, buf = _plain_console()
    assert list(track_documents(["only"], "ingest", con)) == ["only"]
    assert buf.getvalue() == ""


def test_progress_bar_on_a_terminal_shows_documents_per_second() -> None:
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, width=100)
    assert list(track_documents(iter("abcd"), "extract", con)) == list("abcd")
    assert "4 documents" in buf.getvalue() and "docs/s" in buf.getvalue()


def test_lost_worker_gives_each_document_an_internal_error() -> None:
    article = lost_article(RawDocument("a.txt", text="x"), "BrokenProcessPool()")
    assert article.text == "" and [e.code for e in article.errors] == ["E010"]
    assert is_failed(article)


def test_workers_keep_input_order() -> None:
    texts = [
        "Officials in Berlin said on Monday that the talks would resume.",
        "",
        "The mayor of Lagos opened a new bridge on Friday.",
        "Protesters gathered outside parliament in Nairobi on Tuesday.",
    ]
    raws = [RawDocument(f"doc{i}.txt", text=t) for i, t in enumerate(texts)]
    in_process = list(annotate_raw(raws, published="2025-05-19"))
    parallel = list(annotate_in_workers(raws, published="2025-05-19", jobs=2, chunk_size=1))
    assert [a.source_path for a in parallel] == [r.source_path for r in raws]
    assert [a.model_dump() for a in parallel] == [a.model_dump() for a in in_process]
    assert all(a.published == "2025-05-19" for a in parallel)


def test_a_dead_worker_costs_only_its_documents() -> None:
    raws = batch_with_a_crash()
    out = list(annotate_in_workers(raws, jobs=1, chunk_size=1))
    assert [a.source_path for a in out][:1] == ["first.txt"] and len(out) == 5
    assert not is_failed(out[0]) and out[0].text
    assert [e.code for e in out[1].errors] == ["E010"]
    # The pool is replaced: the documents after the crash that were not in flight go through.
    assert out[-1].source_path == "fifth.txt" and out[-1].text and not is_failed(out[-1])

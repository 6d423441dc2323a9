"""Each input format dateline reads becomes raw documents, streamed, in input order."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from _news_fixtures import PARAGRAPHS, article_html, wire_text
from dateline.clean.pipeline import clean_document
from dateline.ingest.files import iter_paths, read_documents
from dateline.ingest.sniff import Kind, sniff


def _docs(*paths: Path | str) -> list:
    return list(read_documents([str(p) for p in paths]))


def test_plain_text_and_extensionless_text(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(wire_text(), encoding="utf-8")
    (tmp_path / "STORY").write_text(wire_text(), encoding="utf-8")
    docs = _docs(tmp_path / "story.txt", tmp_path / "STORY")
    assert [d.text for d in docs] == [wire_text(), wire_text()]
    assert all(d.html is None and not d.errors for d in docs)


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(article_html(), encoding="utf-8")
    (doc,) = _docs(tmp_path / "page")
    assert doc.html is not None and doc.text is None


def test_html_page_gives_body_title_author_date(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_html(), encoding="utf-8")
    (raw,) = _docs(tmp_path / "page.html")
    clean = clean_document(raw)
    assert clean.title == "Council approves footbridge over the Elm River"
    assert clean.published == "2025-05-19T14:03:00+00:00"
    assert clean.byline == ["Jane Doe"]
    assert clean.text.split("\n\n")[0] == PARAGRAPHS[0]
    assert "Home" not in clean.text and "Copyright" not in clean.text
    assert not clean.errors


def test_html_decoded_with_its_own_charset(tmp_path: Path) -> None:
    page = article_html(title="Café owners welcome the footbridge").replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "latin.html").write_bytes(page.replace("“", '"').replace("”", '"').encode("latin-1"))
    (raw,) = _docs(tmp_path / "latin.html")
    assert not raw.errors
    assert clean_document(raw).title == "Café owners welcome the footbridge"


def test_utf8_page_under_stale_latin1_header(tmp_path: Path) -> None:
    page = article_html(title="Café owners welcome the footbridge").replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "stale.html").write_bytes(page.encode("utf-8"))
    (raw,) = _docs(tmp_path / "stale.html")
    assert clean_document(raw).title == "Café owners welcome the footbridge"


def test_jsonl_newsplease_fields(tmp_path: Path) -> None:
    records = [
        {
            "id": "a1",
            "text": PARAGRAPHS[0],
            "title": "Bridge vote",
            "published": "2025-05-19",
            "url": "https://x.test/a",
        },
        {
            "maintext": PARAGRAPHS[1],
            "title": "Mayor backs bridge",
            "date_publish": "2025-05-20 08:15:00",
            "url": "https://x.test/b",
            "authors": ["Jane Doe", "John Roe"],
            "source_domain": "x.test",
        },
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    a, b = _docs(path)
    assert (a.text, a.external_id, a.url) == (PARAGRAPHS[0], "a1", "https://x.test/a")
    assert (b.text, b.authors, b.site) == (PARAGRAPHS[1], ["Jane Doe", "John Roe"], "x.test")
    assert clean_document(b).published == "2025-05-20T08:15:00"
    assert a.source_path == f"{path}:1" and b.source_path == f"{path}:2"


def test_newsplease_null_maintext_falls_back_to_description(tmp_path: Path) -> None:
    record = {"maintext": None, "description": PARAGRAPHS[0], "title": "Bridge vote"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"title": "No body"}), encoding="utf-8")
    with_description, without_body = _docs(tmp_path / "a.jsonl")
    assert with_description.text == PARAGRAPHS[0]
    assert [e.code for e in without_body.errors] == ["E008"]


def test_newsplease_single_json_object_file(tmp_path: Path) -> None:
    record = {"maintext": PARAGRAPHS[2], "title": "Mayor hails vote", "date_publish": "2025-05-19 10:00:00"}
    (tmp_path / "article.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    (doc,) = _docs(tmp_path / "article.json")
    assert doc.text == PARAGRAPHS[2] and doc.title == "Mayor hails vote"


def test_rss_items_become_articles(tmp_path: Path) -> None:
    items = "".join(
        f"""<item><title>Item {i}</title><link>https://x.test/{i}</link>
        <pubDate>Mon, 19 May 2025 1{i}:00:00 GMT</pubDate>
        <description><![CDATA[<p>{PARAGRAPHS[i]}</p><p>{PARAGRAPHS[i + 1]}</p>]]></description></item>"""
        for i in range(2)
    )
    channel = f"<channel><title>Riverside Daily</title>{items}</channel>"
    feed = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    docs = _docs(tmp_path / "feed.xml")
    assert [d.title for d in docs] == ["Item 0", "Item 1"]
    assert [d.url for d in docs] == ["https://x.test/0", "https://x.test/1"]
    clean = clean_document(docs[1])
    assert clean.text == PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2]
    assert clean.published == "2025-05-19T11:00:00+00:00"
    assert clean.site == "Riverside Daily"


def test_atom_entry_content_preferred_over_summary(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Riverside</title><entry><title>Bridge</title><link href="https://x.test/e"/>
    <updated>2025-05-19T09:30:00Z</updated><summary>Short teaser.</summary>
    <content type="html">&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "feed.atom").write_text(feed, encoding="utf-8")
    (doc,) = _docs(tmp_path / "feed.atom")
    assert clean_document(doc).text == PARAGRAPHS[0]


def _write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, status, ctype, payload in (
            ("https://x.test/robots.txt", "200 OK", "text/plain", b"User-agent: *"),
            ("https://x.test/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
            ("https://x.test/bridge", "200 OK", "text/html; charset=utf-8", article_html().encode("utf-8")),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_records(tmp_path: Path, name: str, gz: bool) -> None:
    _write_warc(tmp_path / name, gz)
    (doc,) = _docs(tmp_path / name)  # robots.txt (not HTML) and the 404 are not articles
    assert doc.url == "https://x.test/bridge" and doc.html is not None
    assert clean_document(doc).title == "Council approves footbridge over the Elm River"


def test_directories_recursive_sorted_and_input_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    for rel in ("b/2.txt", "b/1.txt", "a/z/3.txt", "a/0.txt", "a/.hidden.txt"):
        (tmp_path / rel).write_text(PARAGRAPHS[0], encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(PARAGRAPHS[1], encoding="utf-8")
    got = [
        Path(p).relative_to(tmp_path).as_posix()
        for p in iter_paths([str(single), str(tmp_path / "a"), str(tmp_path / "b")])
    ]
    assert got == ["single.txt", "a/0.txt", "a/z/3.txt", "b/1.txt", "b/2.txt"]


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "\n".join(json.dumps({"text": p}) for p in PARAGRAPHS[:3]).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    docs = list(read_documents(["-"]))
    assert [d.text for d in docs] == PARAGRAPHS[:3]
    assert docs[0].source_path == "<stdin>:1"


def test_jsonl_streams_without_reading_whole_file(tmp_path: Path) -> None:
    """A JSON-lines dump is read lazily: the first record comes before the file is consumed."""
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(2000):
            f.write(json.dumps({"id": i, "text": PARAGRAPHS[i % 5]}) + "\n")
    stream = read_documents([str(path)])
    first = next(stream)
    assert first.external_id == "0"
    assert sum(1 for _ in stream) == 1999


@pytest.mark.parametrize(
    "name,head,kind",
    [
        ("a.txt", b"<!DOCTYPE html><html>", Kind.HTML),
        ("noext", b'<?xml version="1.0"?><rss version="2.0">', Kind.FEED),
        ("noext", b'{"text": "x"}\n', Kind.JSONL),
        ("x.warc.gz", b"\x1f\x8b\x08", Kind.WARC),
        ("x.gz", gzip.compress(b"hello"), Kind.UNSUPPORTED),
        ("notes.md", b"Plain words.", Kind.TEXT),
    ],
)
def test_sniff_kind_from_name_and_head(name: str, head: bytes, kind: Kind) -> None:
    assert sniff(name, head)[0] is kind


def test_extensionless_brace_text_is_not_json(tmp_path: Path) -> None:
    (tmp_path / "NOTE").write_text("{Editor's note} " + PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "PRETTY").write_text(json.dumps({"text": PARAGRAPHS[1]}, indent=2), encoding="utf-8")
    note, pretty = _docs(tmp_path / "NOTE", tmp_path / "PRETTY")
    assert note.text is not None and note.text.startswith("{Editor's note}")
    assert pretty.text == PARAGRAPHS[1]

"""Bad input: every broken document gets its own output with a coded error, and the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from _news_fixtures import PARAGRAPHS, wire_text
from dateline.clean.pipeline import clean_document
from dateline.ingest import MAX_DOCUMENT_BYTES
from dateline.ingest.files import read_documents

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _codes(doc: object) -> list[str]:
    return [e.code for e in doc.errors]  # type: ignore[attr-defined]


def _clean_all(*paths: Path | str) -> list:
    return [clean_document(raw) for raw in read_documents([str(p) for p in paths])]


def test_empty_file_is_e002(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    assert [_codes(d) for d in _clean_all(tmp_path / "empty.txt", tmp_path / "blank.txt")] == [
        ["E002"],
        ["E002"],
    ]


def test_png_is_binary_e003(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "photo.txt").write_bytes(PNG)  # a misnamed image is still not text
    docs = _clean_all(tmp_path / "photo.png", tmp_path / "photo.txt")
    assert [_codes(d) for d in docs] == [["E003"], ["E003"]]
    assert all(d.text == "" for d in docs)


def test_invalid_utf8_decoded_as_cp1252_with_e004_warning(tmp_path: Path) -> None:
    text = wire_text().replace("—", "-").replace("“", '"').replace("”", '"') + "\nThe café said the bridge is fine."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (doc,) = _clean_all(tmp_path / "cp1252.txt")
    assert _codes(doc) == ["E004"]
    assert "café" in doc.text and doc.dateline is not None  # a warning: the document is still processed


def test_bytes_invalid_everywhere_use_replacement_characters(tmp_path: Path) -> None:
    # 0x81 and 0x8d are undefined in cp1252 as well as invalid UTF-8.
    (tmp_path / "broken.txt").write_bytes(PARAGRAPHS[0].encode() + b" \x81\x8d " + PARAGRAPHS[1].encode())
    (doc,) = _clean_all(tmp_path / "broken.txt")
    assert _codes(doc) == ["E004"] and "\ufffd" in doc.text


def test_50mb_text_is_e005_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    chunk = (PARAGRAPHS[0] + "\n").encode() * 1000
    with open(big, "wb") as f:
        while f.tell() < 50_000_000:
            f.write(chunk)
    read_sizes: list[int] = []
    real_open = open

    class Spy:
        def __init__(self, f):  # type: ignore[no-untyped-def]
            self._f = f

        def read(self, n: int = -1) -> bytes:
            read_sizes.append(n)
            return self._f.read(n)

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._f, name)

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self._f.close()

    monkeypatch.setattr("builtins.open", lambda p, mode="r", *a, **k: Spy(real_open(p, mode, *a, **k)))
    (doc,) = _clean_all(big)
    assert _codes(doc) == ["E005"]
    assert read_sizes and all(0 < n <= MAX_DOCUMENT_BYTES for n in read_sizes)  # never read(-1), never whole


def test_html_without_article_is_e006(tmp_path: Path) -> None:
    page = "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    (tmp_path / "login.html").write_text(page, encoding="utf-8")
    (doc,) = _clean_all(tmp_path / "login.html")
    assert _codes(doc) == ["E006"] and doc.text == ""


def test_german_text_is_e007_with_language(tmp_path: Path) -> None:
    german = (
        "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen. "
        "Die Bürgermeisterin sagte, dass die Brücke die Altstadt mit dem neuen Bahnhof verbinden wird "
        "und dass sie zum größten Teil mit Mitteln des Landes bezahlt werden soll."
    )
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    (doc,) = _clean_all(tmp_path / "de.txt")
    assert _codes(doc) == ["E007"] and doc.language == "de"
    assert doc.text == german  # kept, only flagged


def test_malformed_jsonl_line_is_e008_and_others_still_come(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": PARAGRAPHS[0]}),
        '{"text": "unterminated',
        "[1, 2]",
        json.dumps({"text": PARAGRAPHS[1]}),
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = _clean_all(tmp_path / "mixed.jsonl")
    assert [_codes(d) for d in docs] == [[], ["E008"], ["E008"], []]
    assert docs[3].text == PARAGRAPHS[1]


def test_jsonl_line_with_invalid_utf8_is_e004_warning(tmp_path: Path) -> None:
    good = json.dumps({"text": PARAGRAPHS[0]}, ensure_ascii=False).encode()
    latin = json.dumps({"text": "The café reopened. " + PARAGRAPHS[1]}, ensure_ascii=False).encode("cp1252")
    (tmp_path / "mixed.jsonl").write_bytes(good + b"\n" + latin + b"\n")
    first, second = _clean_all(tmp_path / "mixed.jsonl")
    assert _codes(first) == [] and _codes(second) == ["E004"]
    assert second.text.startswith("The café reopened.")


def test_unreadable_path_is_e001(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    locked = tmp_path / "locked.txt"
    locked.write_text(PARAGRAPHS[0], encoding="utf-8")
    locked.chmod(0)
    try:
        docs = _clean_all(missing, locked)
    finally:
        locked.chmod(0o644)
    assert _codes(docs[0]) == ["E001"]
    if os.geteuid() != 0:  # root can read anything
        assert _codes(docs[1]) == ["E001"]


def test_unsupported_file_is_e009(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert [_codes(d) for d in _clean_all(tmp_path / "report.pdf", tmp_path / "table.csv")] == [
        ["E009"],
        ["E009"],
    ]


def test_batch_goes_on_in_input_order(tmp_path: Path) -> None:
    (tmp_path / "good1.txt").write_text(wire_text(), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "good2.txt").write_text(PARAGRAPHS[2], encoding="utf-8")
    order = ["good1.txt", "missing.txt", "empty.txt", "photo.png", "good2.txt"]
    docs = _clean_all(*(tmp_path / n for n in order))
    assert [Path(d.source_path).name for d in docs] == order
    assert [_codes(d) for d in docs] == [[], ["E001"], ["E002"], ["E003"], []]


def test_text_after_long_leading_whitespace_is_kept(tmp_path: Path) -> None:
    (tmp_path / "padded.txt").write_bytes(b" \n" * 50_000 + PARAGRAPHS[0].encode())
    (doc,) = _clean_all(tmp_path / "padded.txt")
    assert not doc.errors and doc.text == PARAGRAPHS[0]

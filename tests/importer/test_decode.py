"""Bytes to text: BOMs, declared charsets (trusted only when they fit), detection, gzip."""

import codecs
import gzip
import time

import pytest

from app.importer import ImportFailed
from app.importer.decode import MAX_DECODED, decode, gunzip, to_text

TEXT = "Café owners in Zürich say the crème brûlée tax is naïve."


def test_plain_utf8_bytes_decode():
    assert decode(TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("bom,codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_decides_the_encoding(bom, codec):
    assert decode(bom + TEXT.encode(codec)) == TEXT


def test_charset_from_the_content_type_header():
    data = "Москва: в метро открыли новую станцию.".encode("cp1251")
    assert decode(data, "text/html; charset=windows-1251").startswith("Москва")


def test_meta_charset_is_used_for_non_utf8_bytes():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>' + TEXT + "</p></body>"
    assert TEXT in decode(html.encode("latin-1"))


def test_declared_latin1_but_utf8_bytes_is_read_as_utf8():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>' + TEXT + "</p></body>"
    text = decode(html.encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert TEXT in text and "Ã" not in text


def test_declared_utf8_but_latin1_bytes_is_still_read():
    html = '<html><head><meta charset="utf-8"></head><body><p>' + TEXT + "</p></body>"
    text = decode(html.encode("latin-1"), "text/html; charset=utf-8")
    assert TEXT in text and "\ufffd" not in text


def test_undeclared_legacy_encoding_is_detected():
    text = ("Пожарные потушили склад на окраине города. Пострадавших нет, сообщили в "
            "администрации. ") * 5
    assert decode(text.encode("cp1251")).startswith("Пожарные")


def test_unknown_declared_charset_is_ignored():
    assert to_text(TEXT.encode("utf-8"), "text/plain; charset=no-such-codec") == TEXT


def test_gzip_body_is_decompressed():
    assert decode(gzip.compress(TEXT.encode("utf-8"))) == TEXT


def test_gzip_bomb_is_refused_without_expanding_it():
    bomb = gzip.compress(b"\0" * (MAX_DECODED + 1024 * 1024))
    started = time.monotonic()
    with pytest.raises(ImportFailed, match="too large"):
        decode(bomb)
    assert time.monotonic() - started < 5


def test_damaged_gzip_is_refused():
    with pytest.raises(ImportFailed, match="damaged"):
        gunzip(gzip.compress(TEXT.encode())[:12] + b"\xff" * 20)


def test_oversized_input_is_refused_before_any_work():
    big = b"a" * (MAX_DECODED + 1)
    started = time.monotonic()
    with pytest.raises(ImportFailed, match="too large"):
        decode(big)
    assert time.monotonic() - started < 1


def test_utf8_with_one_broken_byte_stays_utf8():
    # a page declaring UTF-8 whose one broken sequence (a cut-and-paste accident) used to send
    # the whole page to charset detection, which read every Polish letter as mojibake
    body = "Zażółć gęślą jaźń, powiedział burmistrz o nowym moście na Wiśle. " * 4
    raw = (f'<html><head><meta charset="utf-8"></head><body><p>{body}</p>'.encode()
           + b"<p>\xc3( koniec</p></body></html>")
    text = decode(raw)
    assert body in text
    assert "\ufffd" in text  # the broken byte shows as a browser shows it


def test_single_byte_text_is_not_taken_for_broken_utf8():
    raw = ('<meta charset="windows-1252"><p>Le café crème de la rue Saint-Honoré, à côté du '
           'théâtre, où l’on joue « Phèdre » cette saison.</p>').encode("cp1252")
    assert "café crème" in decode(raw) and "où l’on joue" in decode(raw)

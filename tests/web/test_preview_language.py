"""The import preview shows the detected language and lets the operator correct it."""

import lxml.html

from app.models import Article, db

from ..conftest import FIXTURES, csrf_token

GERMAN = (FIXTURES / "articles" / "languages" / "de-bruecke.txt").read_text()


def preview_url(client):
    token = csrf_token(client.get("/admin/import").get_data(as_text=True))
    response = client.post("/admin/import", data={"csrf_token": token, "text": GERMAN},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    return response.headers["Location"]


def test_the_preview_shows_the_detected_language_and_saves_a_correction(app, client, auth):
    auth.create()
    auth.login()
    url = preview_url(client)
    page = client.get(url).get_data(as_text=True)
    field = lxml.html.fromstring(page).get_element_by_id("language")
    assert field.get("value") == "de"
    assert field.getparent().find("label").get("for") == "language"
    token = csrf_token(page)
    refused = client.post(url, data={"csrf_token": token, "action": "save", "title": "Brücke",
                                     "language": "tl"})
    assert refused.status_code == 422
    assert "no voice for the language &#39;tl&#39;" in refused.get_data(as_text=True)
    bad = client.post(url, data={"csrf_token": token, "action": "save", "title": "Brücke",
                                 "language": "<b>"})
    assert bad.status_code == 422 and "a code such as de" in bad.get_data(as_text=True)
    saved = client.post(url, data={"csrf_token": token, "action": "save", "title": "Brücke",
                                   "language": "de-AT"})
    assert saved.status_code == 302
    with app.app_context():
        assert db.session.get(Article, 1).language == "de-AT"

"""The queue without JavaScript: plain forms, per listener, CSRF-protected."""

import re

import pytest

from app.jobs import run_pending
from app.models import Article, db
from app.web.filters import spoken_length
from app.web.library import human_date
from app.web.playqueue import ordinal

from ..conftest import FIXTURES, csrf_token

# Three different articles: importing one article again updates it (one episode per article).
ARTICLES = [FIXTURES / "web" / "library-vote.html", FIXTURES / "articles" / "no-quotes.txt",
            FIXTURES / "articles" / "us-according-to.txt"]


def imported(app, runner, n=3):
    for path in ARTICLES[:n]:
        assert runner.invoke(args=["import", str(path)]).exit_code == 0
    assert run_pending(app) == n


def titles(client):
    page = client.get("/queue").get_data(as_text=True)
    return re.findall(r'href="/articles/(\d+)" class="queue-title"', page)


def add(client, article, where):
    token = csrf_token(client.get("/").get_data(as_text=True))
    return client.post(f"/queue/add/{article}", data={"csrf_token": token, "where": where},
                       headers={"Referer": "/"})


def test_add_play_next_play_now_and_reorder_without_javascript(app, client, runner):
    imported(app, runner)
    assert add(client, 1, "last").status_code == 302
    add(client, 2, "last")
    add(client, 3, "next")
    assert titles(client) == ["1", "3", "2"]
    add(client, 2, "now")
    assert titles(client) == ["2", "1", "3"]
    page = client.get("/queue").get_data(as_text=True)
    entry = re.findall(r'data-entry="(\d+)"', page)
    token = csrf_token(page)
    client.post(f"/queue/{entry[2]}/up", data={"csrf_token": token})
    assert titles(client) == ["2", "3", "1"]
    client.post(f"/queue/{entry[2]}/top", data={"csrf_token": token})
    assert titles(client) == ["3", "2", "1"]
    client.post(f"/queue/{entry[0]}/down", data={"csrf_token": token})
    assert titles(client) == ["3", "1", "2"]
    client.post(f"/queue/{entry[0]}/remove", data={"csrf_token": token})
    assert titles(client) == ["3", "1"]
    client.post("/queue/clear", data={"csrf_token": token})
    assert titles(client) == []


def test_htmx_gets_the_fragment_and_an_announcement(app, client, runner):
    imported(app, runner, 2)
    add(client, 1, "last")
    add(client, 2, "last")
    page = client.get("/queue").get_data(as_text=True)
    entry = re.findall(r'data-entry="(\d+)"', page)
    response = client.post(f"/queue/{entry[1]}/up", data={"csrf_token": csrf_token(page)},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.get_data(as_text=True).lstrip().startswith('<div id="queue"')
    assert "Moved Library extends opening hours for exam season to position 1 of 2." in \
        response.headers["HX-Trigger"]  # the second article (no-quotes.txt)


def test_reorder_by_drag_sends_the_whole_order(app, client, runner):
    imported(app, runner, 3)
    for i in (1, 2, 3):
        add(client, i, "last")
    page = client.get("/queue").get_data(as_text=True)
    entry = re.findall(r'data-entry="(\d+)"', page)
    token = csrf_token(page)
    response = client.post("/queue/reorder", data={"csrf_token": token,
                                                   "order": [entry[2], entry[0], entry[1]]})
    assert response.status_code == 302
    assert titles(client) == ["3", "1", "2"]
    bad = client.post("/queue/reorder", data={"csrf_token": token, "order": [entry[0]]})
    assert bad.status_code == 400


def test_queues_are_per_listener(app, runner):
    imported(app, runner, 1)
    alice, bob = app.test_client(), app.test_client()
    add(alice, 1, "last")
    assert titles(alice) == ["1"] and titles(bob) == []
    page = alice.get("/queue").get_data(as_text=True)
    (entry,) = re.findall(r'data-entry="(\d+)"', page)
    bob_token = csrf_token(bob.get("/").get_data(as_text=True))
    assert bob.post(f"/queue/{entry}/remove", data={"csrf_token": bob_token}).status_code == 404
    assert titles(alice) == ["1"]


def test_playback_position_resumes_and_ending_marks_played(app, client, runner):
    imported(app, runner, 1)
    add(client, 1, "last")
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/playback/1", data={"csrf_token": token, "seconds": "12.5"}
                       ).status_code == 204
    assert 'data-resume="12.5"' in client.get("/articles/1").get_data(as_text=True)
    assert client.get("/queue.json").get_json()["items"][0]["position"] == 12.5
    client.post("/playback/1", data={"csrf_token": token, "seconds": "40", "played": "1"})
    assert titles(client) == []  # finished articles leave the queue
    library = client.get("/?show=played").get_data(as_text=True)
    assert "Played" in library and "Town votes" in library
    assert "Town votes" not in client.get("/?show=unplayed").get_data(as_text=True)


def test_speed_is_remembered_server_side(app, client):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert client.post("/listener/speed", data={"csrf_token": token, "speed": "1.75"}
                       ).status_code == 204
    assert client.get("/queue.json").get_json()["speed"] == 1.75
    assert client.post("/listener/speed", data={"csrf_token": token, "speed": "9"}
                       ).status_code == 400


def test_library_search(app, client, runner):
    imported(app, runner, 1)
    assert "Town votes" in client.get("/?q=library").get_data(as_text=True)
    assert "No articles match" in client.get("/?q=zebra").get_data(as_text=True)
    for wildcard in ("%", "_", "\\"):  # typed characters, not SQL patterns
        assert "No articles match" in client.get(f"/?q={wildcard}").get_data(as_text=True)


@pytest.mark.parametrize("seconds, said", [(0.4, "0 s"), (12.2, "12 s"), (59.7, "1 min"),
                                           (185, "3 min 5 s"), (3720, "1 h 2 min")])
def test_running_times_read_as_people_say_them(seconds, said):
    assert spoken_length(seconds) == said


def test_the_same_queue_on_another_device(app, runner):
    imported(app, runner, 1)
    phone, laptop = app.test_client(), app.test_client()
    add(phone, 1, "last")
    page = phone.get("/queue").get_data(as_text=True)
    link = re.search(r'id="device-link" readonly value="http://localhost(/listener/[^"]+)"',
                     page).group(1)
    confirm = laptop.get(link).get_data(as_text=True)
    assert laptop.post(link, data={"csrf_token": csrf_token(confirm)}).status_code == 302
    assert titles(laptop) == ["1"]
    assert laptop.get("/listener/not-a-real-token").status_code == 404


def test_library_pages_of_25_newest_first_keeping_the_search(app, client):
    with app.app_context():
        db.session.add_all(Article(title=f"Harbour story {i:02d}") for i in range(30))
        db.session.add(Article(title="Something else"))
        db.session.commit()
    first = client.get("/?q=harbour").get_data(as_text=True)
    titles = re.findall(r">Harbour story (\d\d)</a>", first)
    assert titles == [f"{i:02d}" for i in range(29, 4, -1)]
    assert "Articles 1 to 25 of 30" in first and "Page 1 of 2" in first
    older = re.search(r'href="([^"]+)" rel="next">Older articles', first).group(1)
    assert "q=harbour" in older and "page=2" in older
    second = client.get(older.replace("&amp;", "&")).get_data(as_text=True)
    assert re.findall(r">Harbour story (\d\d)</a>", second) == ["04", "03", "02", "01", "00"]
    assert 'rel="prev">Newer articles' in second and "Older articles" not in second
    assert "Page 2 of 2" in client.get("/?q=harbour&page=99").get_data(as_text=True)
    assert "Page 1 of 2" in client.get("/?q=harbour&page=-3").get_data(as_text=True)


def test_a_card_that_finishes_narrating_comes_back_playable(app, client, runner):
    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    waiting = client.get("/").get_data(as_text=True)
    assert re.search(r'Play now<span class="visually-hidden">[^<]*</span></button>', waiting)
    assert 'hx-get="/articles/1/status?in=library"' in waiting and "disabled" in waiting
    hx = {"HX-Request": "true"}
    still = client.get("/articles/1/status?in=library", headers=hx)
    assert "Waiting to be narrated" in still.get_data(as_text=True)
    assert "HX-Retarget" not in still.headers
    assert run_pending(app) == 1
    done = client.get("/articles/1/status?in=library", headers=hx)
    card = done.get_data(as_text=True)
    assert done.headers["HX-Retarget"] == "#card-1" and done.headers["HX-Reswap"] == "outerHTML"
    assert card.lstrip().startswith('<li class="article-card" id="card-1">')
    assert 'data-audio="/media/' in card and "disabled" not in card and "hx-get" not in card
    assert "is ready to play" in done.headers["HX-Trigger"]
    admin = client.get("/articles/1/status?in=admin", headers=hx)
    assert admin.get_data(as_text=True).lstrip().startswith('<span class="status status-ready"')
    assert "HX-Retarget" not in admin.headers


def test_clearing_offers_an_undo_that_puts_the_queue_back(app, client, runner):
    imported(app, runner)
    for article in (2, 3, 1):
        add(client, article, "last")
    page = client.get("/queue").get_data(as_text=True)
    cleared = client.post("/queue/clear", data={"csrf_token": csrf_token(page)})
    assert titles(client) == []
    assert cleared.headers["Location"].endswith("/queue?undo=2,3,1")
    offer = client.get(cleared.headers["Location"]).get_data(as_text=True)
    assert re.findall(r'name="article" value="(\d+)"', offer) == ["2", "3", "1"]
    assert "Undo" in offer
    add(client, 1, "last")  # added in between: it stays, after the ones put back
    undone = client.post("/queue/restore", data={"csrf_token": csrf_token(offer),
                                                 "article": ["2", "3", "1", "999"]},
                         headers={"HX-Request": "true"})
    assert "Put 3 articles back in the queue." in undone.headers["HX-Trigger"]
    assert titles(client) == ["2", "3", "1"]


def test_next_and_previous_turn_the_queue_like_a_ring(app, client, runner):
    imported(app, runner)
    for article in (1, 2, 3):
        add(client, article, "last")
    token = csrf_token(client.get("/queue").get_data(as_text=True))
    state = client.post("/queue/step", data={"csrf_token": token, "direction": "next"}).get_json()
    assert [i["article"] for i in state["items"]] == [2, 3, 1]
    assert [i["label"] for i in state["items"]] == ["Playing", "In queue · 2nd", "In queue · 3rd"]
    state = client.post("/queue/step", data={"csrf_token": token, "direction": "prev"}).get_json()
    assert [i["article"] for i in state["items"]] == [1, 2, 3]
    assert state["items"][0]["duration"] > 0 and state["items"][0]["art"] == "/articles/1/art.svg"


def test_cards_say_where_an_article_is_in_the_queue(app, client, runner):
    imported(app, runner)
    add(client, 3, "last")
    add(client, 1, "last")
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'data-queue-badge="3">Playing<', page)
    assert re.search(r'data-queue-badge="1">In queue · 2nd<', page)
    assert re.search(r'data-queue-badge="2" hidden><', page)


@pytest.mark.parametrize(("n", "said"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                         (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
                                         (102, "102nd"), (111, "111th")])
def test_ordinals(n, said):
    assert ordinal(n) == said


@pytest.mark.parametrize(("iso", "said"), [("2024-03-14", "14 March 2024"),
                                           ("2024-03-14T09:30:00+00:00", "14 March 2024"),
                                           ("last Tuesday", "last Tuesday"), (None, "")])
def test_dates_read_as_people_say_them(iso, said):
    assert human_date(iso) == said


def test_dates_carry_a_machine_readable_datetime(app, client, runner):
    imported(app, runner, 1)
    with app.app_context():
        db.session.get(Article, 1).published = "2024-03-14"
        db.session.commit()
    for path in ("/", "/articles/1"):
        assert '<time datetime="2024-03-14">14 March 2024</time>' in \
            client.get(path).get_data(as_text=True)


def test_article_artwork_is_an_svg_of_its_own(app, client, runner):
    imported(app, runner, 2)
    one, two = client.get("/articles/1/art.svg"), client.get("/articles/2/art.svg")
    assert one.status_code == 200 and one.mimetype == "image/svg+xml"
    assert one.get_data(as_text=True).lstrip().startswith("<svg")
    assert one.get_data() != two.get_data()  # a colour and wave per article
    assert client.get("/articles/99/art.svg").status_code == 404


def test_the_article_page_is_told_when_narration_is_ready_without_a_reload(app, client, runner):
    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    hx = {"HX-Request": "true"}
    assert "HX-Trigger" not in client.get("/articles/1/status", headers=hx).headers
    assert run_pending(app) == 1
    done = client.get("/articles/1/status", headers=hx)
    assert "HX-Refresh" not in done.headers
    assert '"narration-ready": 1' in done.headers["HX-Trigger"]
    assert "is ready to play" in done.headers["HX-Trigger"]

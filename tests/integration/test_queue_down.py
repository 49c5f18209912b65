"""With the job queue's Redis down, saving an article still succeeds (issue 22, low): the
article is stored and marked queued, and the recovery pass hands it to the workers once the
queue answers again. A real Redis, stopped and started."""

from __future__ import annotations

import socket

from app.jobs import recover_stalled, run_pending
from app.models import Article, Status, db

from ..conftest import csrf_token, make_app
from ..web.test_admin import TWO_VOICES, post_import, save


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_save_with_the_queue_down_stores_and_later_narrates(tmp_path, servers):
    _pg, redis = servers
    down = f"redis://127.0.0.1:{_closed_port()}/0"  # nothing listens there
    app = make_app(tmp_path, QUEUE_URL=down, JOB_STALE_SECONDS=0)
    client = app.test_client()
    assert app.test_cli_runner().invoke(args=["create-operator", "editor"],
                                        input="correct horse battery\n").exit_code == 0
    token_page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"name": "editor", "password": "correct horse battery",
                                "csrf_token": csrf_token(token_page)})
    url = post_import(client, text=TWO_VOICES).headers["Location"]
    article_id = save(client, url)  # a redirect to the article, not a 500
    assert client.get(f"/articles/{article_id}").status_code == 200
    with app.app_context():
        assert db.session.get(Article, article_id).status == Status.QUEUED

    # The queue comes back (a real Redis): the recovery pass queues it, a worker narrates.
    app.config["QUEUE_URL"] = redis.url()
    from app.jobs import init_queue

    init_queue(app)
    with app.app_context():
        assert article_id in recover_stalled()
    assert run_pending(app) == 1
    with app.app_context():
        assert db.session.get(Article, article_id).status == Status.READY

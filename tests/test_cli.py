"""The Flask CLI contract from DESIGN.md, on articles written for the project."""

import json
import subprocess

from .conftest import FIXTURES, ROOT


def test_inspect_prints_the_json_contract_and_stores_nothing(app, runner):
    result = runner.invoke(args=["inspect", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "Town votes to keep its library open late"
    assert {"title", "byline", "published", "language", "paragraphs", "segments"} <= set(data)
    assert any("twelve thousand pounds" in p for p in data["paragraphs"])
    speakers = {s["speaker"] for s in data["segments"]}
    assert {None, "Ruth Abara", "Sam Whitfield"} <= speakers
    with app.app_context():
        from app.models import Article, db

        assert db.session.scalars(db.select(Article)).all() == []


def test_inspect_bad_input_exits_1_with_one_line(runner, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = runner.invoke(args=["inspect", str(empty)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("error:")
    missing = runner.invoke(args=["inspect", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_import_prints_id_and_title_and_queues_narration(app, runner):
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    assert result.output == "1\tTown votes to keep its library open late\n"
    narrated = runner.invoke(args=["narrate", "1"])
    assert narrated.exit_code == 0, narrated.output
    assert narrated.output.startswith("1\t") and ".mp3" in narrated.output


def test_narrate_an_article_already_narrated_narrates_it_again(app, runner):
    runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    first = runner.invoke(args=["narrate", "1"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(args=["narrate", "1"])
    assert again.exit_code == 0, again.output
    assert "error" not in again.output
    # The same text and voices give the same files: the new episode reuses them.
    assert again.output.split("\t")[1] == first.output.split("\t")[1]
    with app.app_context():
        from app.models import Article, Status, db

        article = db.session.get(Article, 1)
        assert article.status == Status.READY and len(article.episodes) == 2


def test_narrate_unknown_article_fails_clearly(runner):
    result = runner.invoke(args=["narrate", "99"])
    assert result.exit_code == 1 and "no article with id 99" in result.output


def test_create_operator_refuses_short_password(runner):
    result = runner.invoke(args=["create-operator", "ed"], input="short\n")
    assert result.exit_code == 1 and "at least 8" in result.output


def test_flask_command_line_runs_as_documented(tmp_path):
    """`flask --app app inspect` in a real subprocess, as the README shows it."""
    env = {"PATH": f"{ROOT / '.venv' / 'bin'}:/usr/bin:/bin",
           "FLASK_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}",
           "FLASK_SECRET_KEY": "x", "FLASK_AUDIO_CACHE_DIR": str(tmp_path / "a"),
           "FLASK_QUEUE_URL": f"sqlite:///{tmp_path / 'q.db'}"}
    out = subprocess.run(["flask", "--app", "app", "inspect",
                          str(FIXTURES / "web" / "library-vote.html")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["title"].startswith("Town votes")


def test_demo_narrates_the_demo_article_once_with_its_two_speakers(app, runner, client):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("1\tHarbour seals return to the estuary after twenty years\t")
    assert first.output.rstrip().endswith(" s of audio")  # the episode's length, not time taken
    again = runner.invoke(args=["demo"])
    assert again.output.endswith("(already narrated)\n")
    page = client.get("/articles/1").get_data(as_text=True)
    assert "Hark Demo Desk" in page
    vtt_url = page.split('<track', 1)[1].split('src="', 1)[1].split('"', 1)[0]
    vtt = client.get(vtt_url).get_data(as_text=True)
    assert "<v Priya Natarajan>" in vtt and "<v Tom Okafor>" in vtt

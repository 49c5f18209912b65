import json
import logging

from app.observability import JsonFormatter


def test_health_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["checks"] == {
        "database": "ok", "queue": "ok", "audio_cache": "ok", "disk_space": "ok"}
    assert body["free_bytes"] > 0


def test_health_fails_when_audio_folder_is_not_writable(app, client, tmp_path):
    app.config["AUDIO_CACHE_DIR"] = str(tmp_path / "no" / "such" / "folder")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["audio_cache"].startswith("error")


def test_every_response_carries_a_request_id(client):
    generated = client.get("/")
    assert len(generated.headers["X-Request-ID"]) == 32
    kept = client.get("/", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["X-Request-ID"] == "abc-123"
    refused = client.get("/", headers={"X-Request-ID": "<script>"})
    assert refused.headers["X-Request-ID"] != "<script>"


def test_log_lines_are_json_with_the_request_fields():
    record = logging.LogRecord("hark.request", logging.INFO, __file__, 1, "request", None, None)
    record.request_id, record.path, record.status = "abc", "/feed.xml", 200
    entry = json.loads(JsonFormatter().format(record))
    assert entry["request_id"] == "abc" and entry["path"] == "/feed.xml"
    assert entry["status"] == 200 and entry["level"] == "info"

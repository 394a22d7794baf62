"""The door of the app (``dashboard.serve.guard``) and where its password comes from.

The guard is a WSGI layer, so it is tested as one: a fake app behind it records what reached it,
and a request body that must not be read is a stream that fails the test when it is.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dashboard.cli import cli
from dashboard.serve import security
from dashboard.serve.guard import Guard, Throttle
from extract import settings
from extract.errors import BindRefused, InputError

USER = security.Credentials("editor", "s3cret")
GOOD = "Basic " + base64.b64encode(b"editor:s3cret").decode()
WRONG = "Basic " + base64.b64encode(b"editor:guess").decode()
UPLOAD = "upload-status.children"


class Unread(io.RawIOBase):
    """A body that must never be read."""

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        raise AssertionError("the body was read")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class App:
    """The app behind the guard: says 200 and keeps the bodies it was given."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        self.bodies.append(environ["wsgi.input"].read(length) if length else b"")
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]


def call(guard: Guard, *, auth: str | None = None, body: bytes | None = None,
         stream: Any = None, path: str = "/_dash-update-component",
         client: str = "10.0.0.1") -> tuple[str, dict[str, str]]:
    environ: dict[str, Any] = {"REQUEST_METHOD": "POST" if body or stream else "GET",
                               "PATH_INFO": path, "REMOTE_ADDR": client}
    if auth is not None:
        environ["HTTP_AUTHORIZATION"] = auth
    if body is not None:
        environ["CONTENT_LENGTH"] = str(len(body))
        environ["wsgi.input"] = io.BufferedReader(io.BytesIO(body))
    if stream is not None:
        environ["CONTENT_LENGTH"] = str(8 * 1024 * 1024)
        environ["wsgi.input"] = stream
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *exc: Any) -> None:
        answer.update(status=status, headers=dict(headers))

    b"".join(guard(environ, start_response))
    return answer["status"], answer["headers"]


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def guarded(clock: Clock) -> tuple[Guard, App]:
    app = App()
    headers = {**security.HEADERS, "Content-Security-Policy": security.ERROR_POLICY}
    return Guard(app, headers, USER, Throttle(clock=clock), upload_output=UPLOAD), app


def test_anonymous_is_401_and_the_right_password_reaches_the_app(guarded):
    guard, app = guarded
    status, headers = call(guard)
    assert status.startswith("401") and headers["WWW-Authenticate"].startswith("Basic")
    assert call(guard, auth=GOOD)[0] == "200 OK" and len(app.bodies) == 1


@pytest.mark.parametrize("header", ["Bearer x", "Basic %%%", "Basic", "Basic " + "e" * 3,
                                    "Basic " + base64.b64encode(b"no-colon").decode(),
                                    "Basic " + base64.b64encode(b"\xff:\xfe").decode(), WRONG])
def test_a_malformed_or_wrong_authorization_header_is_401_never_500(guarded, header):
    guard, app = guarded
    assert call(guard, auth=header)[0].startswith("401")
    assert app.bodies == []


def test_credentials_are_checked_before_a_byte_of_the_body_is_read(guarded):
    guard, _ = guarded
    assert call(guard, stream=Unread())[0].startswith("401")
    assert call(guard, auth=WRONG, stream=Unread())[0].startswith("401")


def test_ten_failed_logins_in_a_minute_block_the_client_for_a_minute(guarded, clock):
    guard, _ = guarded
    codes = [call(guard, auth=WRONG)[0][:3] for _ in range(12)]
    assert codes == ["401"] * 10 + ["429"] * 2
    assert call(guard, auth=GOOD)[0].startswith("429")  # a right guess looks the same
    assert call(guard, auth=GOOD, client="10.0.0.2")[0] == "200 OK"  # others are not blocked
    clock.now += 61
    assert call(guard, auth=GOOD)[0] == "200 OK"


def test_failures_spread_over_more_than_a_minute_are_not_throttled(guarded, clock):
    guard, _ = guarded
    for _ in range(30):
        assert call(guard, auth=WRONG)[0].startswith("401")
        clock.now += 7  # under 10 a minute


def test_a_callback_over_the_small_limit_is_413_and_never_reaches_the_app(guarded):
    guard, app = guarded
    body = json.dumps({"output": "timeline.figure", "inputs": ["a"] * 300_000}).encode()
    assert len(body) > settings.MAX_CALLBACK_BYTES
    status, headers = call(guard, auth=GOOD, body=body)
    assert status.startswith("413") and headers["X-Frame-Options"] == "DENY"
    assert app.bodies == []


def test_the_upload_callback_alone_may_send_a_large_body_and_it_arrives_whole(guarded):
    guard, app = guarded
    body = json.dumps({"output": f"..{UPLOAD}...corpus-version.data..",
                       "state": ["x" * (3 * 1024 * 1024)]}).encode()
    assert call(guard, auth=GOOD, body=body)[0] == "200 OK"
    assert app.bodies == [body]


def test_every_answer_carries_the_security_headers(guarded):
    guard, _ = guarded
    for auth in (None, WRONG, GOOD):
        headers = call(guard, auth=auth)[1]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_without_credentials_nobody_is_asked_for_a_password(clock):
    app = App()
    guard = Guard(app, dict(security.HEADERS), None, Throttle(clock=clock))
    assert call(guard)[0] == "200 OK"


# --- where the password comes from ----------------------------------------------------------


def test_the_password_comes_from_the_environment(monkeypatch):
    assert security.credentials_from(None, None, {"DATELINE_AUTH": "editor:s3cret"}) == (USER, None)
    assert security.credentials_from(None, None, {}) == (None, None)
    with pytest.raises(InputError, match="DATELINE_AUTH must be user:password"):
        security.credentials_from(None, None, {"DATELINE_AUTH": "editor"})


def test_the_auth_option_still_works_with_a_warning_that_it_is_visible():
    credentials, warning = security.credentials_from("editor:s3cret", None, {})
    assert credentials == USER and "process" in warning and "DATELINE_AUTH" in warning


def test_an_auth_file_only_its_owner_can_read_gives_the_password(tmp_path: Path):
    path = tmp_path / "auth"
    path.write_text("editor:s3cret\n", encoding="utf-8")
    path.chmod(0o600)
    assert security.credentials_from(None, path, {}) == (USER, None)
    path.chmod(0o640)
    with pytest.raises(InputError, match=r"can be read by others \(mode 640\); run chmod 600"):
        security.credentials_from(None, path, {})


def test_debug_is_refused_on_any_address_but_loopback():
    with pytest.raises(BindRefused, match="refusing --debug on 0.0.0.0"):
        security.check_bind("0.0.0.0", None, no_auth=True, debug=True)
    assert security.check_bind("127.0.0.1", None, no_auth=False, debug=True) is None


def test_serve_with_debug_on_every_address_exits_with_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--debug", "--host", "0.0.0.0", "--no-auth",
                                      "--data", str(tmp_path)])
    assert result.exit_code == 1 and "refusing --debug on 0.0.0.0" in result.output
    assert not (tmp_path / "articles").exists()


def test_the_upload_callback_is_the_one_the_guard_lets_send_a_large_body():
    from dashboard.store.open import load
    from dashboard.ui.app import create_app

    app = create_app(*load([]))
    security.install(app)
    guard = app.server.wsgi_app
    outputs = [key for key in app.callback_map if guard._upload.decode() in key]
    assert len(outputs) == 1 and outputs[0].startswith("..upload-status.children...")

"""Nobody where they don't belong: loopback by default, auth off loopback, strict headers."""

from __future__ import annotations

import base64

import pytest
from dash import Dash, html

from dashboard.serve.security import BindRefused, Credentials, check_bind, install, is_loopback
from extract.errors import InputError


@pytest.mark.parametrize("host", ["127.0.0.1", "127.5.5.5", "localhost", "::1", "[::1]"])
def test_loopback_addresses_are_recognised(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.4", "::", "example.org", "10.0.0.1"])
def test_other_addresses_are_not_loopback(host):
    assert not is_loopback(host)


def test_binding_loopback_needs_no_password():
    assert check_bind("127.0.0.1", None, no_auth=False) is None


def test_binding_every_address_without_auth_is_refused_with_the_fix_in_the_message():
    with pytest.raises(BindRefused, match=r"--auth user:password, or --no-auth"):
        check_bind("0.0.0.0", None, no_auth=False)


def test_binding_every_address_with_auth_is_allowed():
    assert check_bind("0.0.0.0", Credentials("ed", "pw"), no_auth=False) is None


def test_binding_every_address_with_no_auth_is_allowed_with_a_warning():
    assert "no password" in check_bind("0.0.0.0", None, no_auth=True)


@pytest.mark.parametrize("value", ["editor", ":pw", "editor:", ""])
def test_malformed_credentials_are_explained(value):
    with pytest.raises(InputError, match="user:password"):
        Credentials.parse(value)


def test_credentials_keep_colons_in_the_password():
    assert Credentials.parse("ed:a:b") == Credentials("ed", "a:b")


def _app(credentials=None):
    app = Dash(__name__)
    app.layout = html.Div("hello")
    install(app, credentials)
    return app.server.test_client()


def test_every_page_carries_a_content_security_policy_without_unsafe_inline_scripts():
    response = _app().get("/")
    policy = response.headers["Content-Security-Policy"]
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_with_auth_a_request_without_credentials_is_refused():
    client = _app(Credentials("ed", "pw"))
    assert client.get("/").status_code == 401


def test_with_auth_the_right_credentials_get_in_and_wrong_ones_do_not():
    client = _app(Credentials("ed", "pw"))
    good = base64.b64encode(b"ed:pw").decode()
    bad = base64.b64encode(b"ed:nope").decode()
    assert client.get("/", headers={"Authorization": f"Basic {good}"}).status_code == 200
    assert client.get("/", headers={"Authorization": f"Basic {bad}"}).status_code == 401

"""Who may reach the app and what the browser may run in it.

Why: journalists share the app with colleagues and point it at scraped pages. Three defences:
- binding: loopback by default; any other address needs HTTP basic auth or an explicit
  ``--no-auth`` (with a warning), so nobody exposes a newsroom's sources by accident;
- headers: a Content-Security-Policy that allows only our own scripts (Dash's inline bootstrap
  scripts by hash), no framing, no sniffing, no referrer leaks;
- text only: article text is rendered as text by the layout (never raw HTML); the CSP is the
  second wall should that ever slip.
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass

from extract.errors import BindRefused, InputError

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


@dataclass(frozen=True, slots=True)
class Credentials:
    user: str
    password: str

    @classmethod
    def parse(cls, value: str) -> Credentials:
        user, sep, password = value.partition(":")
        if not sep or not user or not password:
            raise InputError("--auth takes user:password, e.g. --auth editor:s3cret.")
        return cls(user, password)


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, credentials: Credentials | None, no_auth: bool) -> str | None:
    """Refuse an open non-loopback bind; return a warning to print when it is explicitly open."""
    if is_loopback(host) or credentials is not None:
        return None
    if not no_auth:
        raise BindRefused(
            f"refusing to serve on {host} without a password: anyone on the network could read "
            "the articles. Add --auth user:password, or --no-auth if that is really meant."
        )
    return (
        f"warning: serving on {host} with no password (--no-auth): "
        "anyone who can reach it can read it"
    )


def content_security_policy(script_hashes: list[str]) -> str:
    """The CSP the app works under.

    ``'unsafe-eval'`` is there for plotly's WebGL traces (regl compiles shaders with
    ``new Function``); styles need ``'unsafe-inline'`` because plotly sets style attributes.
    """
    scripts = " ".join(f"'{h.strip(chr(39))}'" for h in script_hashes)  # Dash quotes them
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {scripts} 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def install(app, credentials: Credentials | None = None) -> None:  # type: ignore[no-untyped-def]
    """Add security headers (and basic auth when credentials are given) to a Dash app."""
    if credentials is not None:
        import dash_auth

        dash_auth.BasicAuth(
            app, {credentials.user: credentials.password}, secret_key=secrets.token_hex(32)
        )
    policy = content_security_policy(list(app.csp_hashes()))
    headers = {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }

    @app.server.after_request
    def _secure(response):  # type: ignore[no-untyped-def]
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

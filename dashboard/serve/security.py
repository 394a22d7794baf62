"""Who may reach the app and what the browser may run in it.

Why: journalists share the app with colleagues and point it at scraped pages. Three defences:
- binding: loopback by default; any other address needs HTTP basic auth or an explicit
  ``--no-auth`` (with a warning), so nobody exposes a newsroom's sources by accident; the
  Werkzeug debugger (``--debug``) only ever on loopback. The password comes from
  ``DATELINE_AUTH`` or a file only its owner can read (``--auth-file``): ``--auth`` on the
  command line is seen by anyone who lists processes. Checking it, throttling failed logins
  and limiting bodies is ``guard.Guard``'s job, before the app sees a request;
- headers: a Content-Security-Policy that allows only our own scripts (Dash's inline bootstrap
  scripts by hash), no framing, no sniffing, no referrer leaks;
- text only: article text is rendered as text by the layout (never raw HTML); the CSP is the
  second wall should that ever slip.
"""

from __future__ import annotations

import ipaddress
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from extract.errors import BindRefused, InputError

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}
AUTH_ENV = "DATELINE_AUTH"
VISIBLE_WARNING = (
    "warning: --auth puts the password where anyone on this machine can read it (the process "
    f"list); set {AUTH_ENV}=user:password or use --auth-file PATH (mode 600) instead"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
"""Headers on every response; the app's pages add their Content-Security-Policy to these."""
ERROR_POLICY = "default-src 'none'; frame-ancestors 'none'"
"""The CSP of answers that are not the app (a 401, a 413, the server's own error pages)."""


@dataclass(frozen=True, slots=True)
class Credentials:
    user: str
    password: str

    @classmethod
    def parse(cls, value: str) -> Credentials:
        user, sep, password = value.strip("\r\n").partition(":")
        if not sep or not user or not password:
            raise InputError("--auth takes user:password, e.g. --auth editor:s3cret.")
        return cls(user, password)

    @classmethod
    def from_file(cls, path: Path) -> Credentials:
        """``user:password`` on the first line of ``path``, which only its owner may read."""
        try:
            mode = path.stat().st_mode
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: the --auth-file cannot be read ({error}).") from error
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise InputError(
                f"{path}: the --auth-file can be read by others (mode {stat.S_IMODE(mode):o}); "
                f"run chmod 600 {path}."
            )
        first = text.splitlines()[0] if text.strip() else ""
        try:
            return cls.parse(first)
        except InputError:
            raise InputError(f"{path}: the first line must be user:password.") from None


def credentials_from(
    auth: str | None, auth_file: Path | None, environ: dict[str, str] | None = None
) -> tuple[Credentials | None, str | None]:
    """The password ``serve`` was given, and a warning to print: ``--auth-file``, else
    ``--auth`` (visible: warned), else ``DATELINE_AUTH``."""
    if auth and auth_file:
        raise InputError("--auth and --auth-file both give a password; give one.")
    if auth_file is not None:
        return Credentials.from_file(auth_file), None
    if auth:
        return Credentials.parse(auth), VISIBLE_WARNING
    value = (os.environ if environ is None else environ).get(AUTH_ENV, "")
    if not value:
        return None, None
    try:
        return Credentials.parse(value), None
    except InputError:
        raise InputError(f"{AUTH_ENV} must be user:password, e.g. editor:s3cret.") from None


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(
    host: str, credentials: Credentials | None, no_auth: bool, debug: bool = False
) -> str | None:
    """Refuse an open non-loopback bind, and the debugger off loopback; return a warning to
    print when it is explicitly open."""
    if debug and not is_loopback(host):
        raise BindRefused(
            f"refusing --debug on {host}: the Werkzeug debugger runs code for whoever reaches "
            "it. Use --debug only with --host 127.0.0.1."
        )
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
    """Put ``guard.Guard`` in front of the app (login, throttling, body limits, headers) and
    give its pages their Content-Security-Policy."""
    from dashboard.serve.guard import Guard
    from dashboard.ui import ids

    policy = content_security_policy(list(app.csp_hashes()))
    server = app.server
    server.wsgi_app = Guard(
        server.wsgi_app,
        {**HEADERS, "Content-Security-Policy": ERROR_POLICY},
        credentials,
        upload_output=f"{ids.UPLOAD_STATUS}.children",
    )

    @server.after_request
    def _secure(response):  # type: ignore[no-untyped-def]
        response.headers["Content-Security-Policy"] = policy
        return response

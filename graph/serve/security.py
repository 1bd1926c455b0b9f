"""Who may use ``serve``: Host and Origin checks and the update token.

A server on 127.0.0.1 is still reachable from every web page the user opens:
a page can POST a form or a ``no-cors`` fetch to it (cross-site request
forgery), and a name that resolves to 127.0.0.1 can carry the page's own
requests to it (DNS rebinding). So, on every request:

- the ``Host`` header must name this server (loopback names, the address it is
  bound to, or a name explicitly allowed);
- a request a browser marks as coming from another origin (``Origin``,
  ``Sec-Fetch-Site``) is refused;
- an update must carry the server's token, as ``Authorization: Bearer TOKEN``
  or as the password of HTTP Basic (any user name), which a cross-site form
  or ``no-cors`` fetch cannot send.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: Names of this machine that every server accepts in ``Host``.
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_WILDCARD = {"", "0.0.0.0", "::"}
DEFAULT_TIMEOUT = 30.0


def new_token() -> str:
    """A fresh random token for updates (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class ServeOptions:
    """What a ``serve`` endpoint allows beyond answering local queries.

    :param token: the secret an update must carry (a writable server without
        one gets a fresh :func:`new_token`).
    :param timeout: seconds a query may run before it is stopped (default: the
        store's own timeout, else :data:`DEFAULT_TIMEOUT`).
    :param server_names: names accepted in ``Host`` besides loopback and the
        bound address (for a server reached by a host name).
    :param fetch_hosts: hosts ``SERVICE`` and ``LOAD`` may reach; none by default.
    """

    token: str | None = None
    timeout: float | None = None
    server_names: tuple[str, ...] = ()
    fetch_hosts: tuple[str, ...] = field(default=())


def serve_options(
    writable: bool,
    token: str | None,
    timeout: float | None,
    server_names: Iterable[str] | None = None,
    fetch_hosts: Iterable[str] | None = None,
) -> ServeOptions:
    """The options of a server; a writable one without ``token`` gets a new one."""
    if writable and not token:
        token = new_token()
    return ServeOptions(
        token=token if writable else None,
        timeout=timeout,
        server_names=tuple(server_names or ()),
        fetch_hosts=tuple(fetch_hosts or ()),
    )


def _host_name(value: str) -> str:
    """The name part of a ``Host`` header value (``[::1]:80`` -> ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_names(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names a server bound to ``bound`` answers to."""
    names = set(LOOPBACK) | {_host_name(name) for name in extra}
    if bound not in _WILDCARD:
        names.add(_host_name(bound))
    names.discard("")
    return frozenset(names)


def refuse_request(
    headers: Mapping[str, str], names: frozenset[str], port: int
) -> str | None:
    """Why the request is refused (Host or Origin), or None when it is fine.

    ``headers`` has lower-case names.
    """
    host = headers.get("host")
    if host is None or _host_name(host) not in names:
        return (
            f"Host {host!r} is not a name of this server; accepted: "
            f"{', '.join(sorted(names))}."
        )
    site = (headers.get("sec-fetch-site") or "").strip().lower()
    if site in ("cross-site", "same-site"):
        return "Requests from other web sites are refused (Sec-Fetch-Site)."
    origin = headers.get("origin")
    if origin is not None:
        try:
            parts = urlsplit(origin.strip())
            origin_port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            parts, origin_port = urlsplit(""), -1
        if (parts.hostname or "") not in names or origin_port != port:
            return f"Requests from origin {origin!r} are refused (cross-origin)."
    return None


def token_matches(authorization: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (Bearer or Basic)."""
    if not authorization:
        return False
    scheme, _, value = authorization.strip().partition(" ")
    value = value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        value = decoded.partition(":")[2]
    elif scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(value.encode("utf-8"), token.encode("utf-8"))

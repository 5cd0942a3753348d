"""Password hashing with scrypt (a memory-hard KDF from the standard library), PHC-style strings."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"$scrypt$n={_N},r={_R},p={_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        _, scheme, params, salt_text, digest_text = encoded.split("$")
        if scheme != "scrypt":
            return False
        settings = dict(item.split("=") for item in params.split(","))
        salt, expected = _unb64(salt_text), _unb64(digest_text)
        digest = hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=int(settings["n"]), r=int(settings["r"]),
            p=int(settings["p"]), dklen=len(expected),
        )
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(digest, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))

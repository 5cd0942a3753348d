"""Password hashing with scrypt (a memory-hard KDF from the standard library), PHC-style strings,
and the password policy.

The cost follows current advice (OWASP's password storage cheat sheet lists scrypt N=2^15, r=8, p=3
— 32 MiB, the same work as N=2^17, p=1 — as a minimum). A hash made with a lower cost still verifies;
`needs_rehash` tells the sign-in to store a new one with today's cost once it has the password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from desk.domain.errors import InvalidInput

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
# hashlib's default ceiling (32 MiB) is exactly the memory N·r·128 needs; leave room for the rest.
_MAXMEM = 256 * 2**20
_HIGHEST_N = 2**20  # a stored hash naming more than this is refused, not computed (denial of service)

MIN_LENGTH = 8
# The passwords every guessing list starts with (NIST SP 800-63B: refuse known-bad passwords).
COMMON_PASSWORDS = frozenset({
    "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66666666",
    "password", "password1", "passw0rd", "qwertyui", "qwerty123", "iloveyou", "abc12345", "abcd1234",
    "a1234567", "1qaz2wsx", "woaini1314", "admin123", "admin1234", "administrator", "letmein1",
    "11223344", "12344321", "123123123", "147258369", "987654321", "asdfghjk", "zxcvbnm1",
})


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32)
    return f"$scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        _, scheme, params, salt_text, digest_text = encoded.split("$")
        if scheme != "scrypt":
            return False
        settings = dict(item.split("=") for item in params.split(","))
        n, r, p = int(settings["n"]), int(settings["r"]), int(settings["p"])
        if n > _HIGHEST_N or r * p > 64:
            return False
        salt, expected = _unb64(salt_text), _unb64(digest_text)
        digest = _scrypt(password, salt, n, r, p, len(expected))
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(digest, expected)


def needs_rehash(encoded: str) -> bool:
    """True when the stored hash was made with less than today's cost (or another scheme)."""
    try:
        _, scheme, params, _salt, _digest = encoded.split("$")
        settings = dict(item.split("=") for item in params.split(","))
        return scheme != "scrypt" or (int(settings["n"]), int(settings["r"]), int(settings["p"])) != (
            SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except (ValueError, KeyError):
        return True


def check_policy(password: str, username: str = "") -> None:
    """The password policy: long enough, not a known-bad password, not the user name; raise if not."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput.say("password.too_short", code="password_too_short", length=MIN_LENGTH)
    if password.lower() in COMMON_PASSWORDS or len(set(password)) == 1:
        raise InvalidInput.say("password.too_common", code="password_too_common")
    if username and username.lower() in password.lower():
        raise InvalidInput.say("password.contains_username", code="password_contains_username")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_MAXMEM)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))

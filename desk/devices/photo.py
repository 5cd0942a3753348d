"""The card photo: kept as the card stores it (1024 bytes, WLT-compressed), decoded by a plug-in.

WLT decoding needs the licensed library the reader vendors ship (e.g. `libwlt2bmp` /
`WltRS.dll`); the project cannot include it. A site that has it configures a decoder as
"module:function" — a function taking the 1024 WLT bytes and returning image bytes (BMP or PNG,
102 × 126 pixels). Without one, or when it fails, `decode_photo` returns None and the screens
show a placeholder of `PHOTO_SIZE_PX`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from desk.domain.errors import SpeakingError

log = logging.getLogger(__name__)

PHOTO_SIZE_PX = (102, 126)

PhotoDecoder = Callable[[bytes], bytes]


class PhotoDecoderError(SpeakingError):
    """The configured photo decoder cannot be used; says the administrator's message by key."""

    code = "photo_decoder"


def load_photo_decoder(spec: str) -> PhotoDecoder:
    """Import "package.module:function"; raises PhotoDecoderError with a message for the admin."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise PhotoDecoderError.say("photo.decoder_spec", spec=spec)
    try:
        decoder = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise PhotoDecoderError.say("photo.decoder_unloadable", spec=spec, reason=str(exc)) from exc
    if not callable(decoder):
        raise PhotoDecoderError.say("photo.decoder_not_callable", spec=spec)
    return decoder  # type: ignore[no-any-return]


def decode_photo(wlt: bytes, decoder: PhotoDecoder | None) -> bytes | None:
    """Image bytes for the photo, or None (no decoder, or it failed: show the placeholder)."""
    if decoder is None or not wlt:
        return None
    try:
        image = decoder(bytes(wlt))
    except Exception:  # a vendor library's failure must not lose the card read
        log.exception("photo decoder failed")
        return None
    return image if isinstance(image, bytes | bytearray) and image else None

"""The English of the messages (`desk.domain.messages`) for everything that speaks outside Qt — the
CLI, the city server's answers, the logs: read from the same Linguist file the screens compile
(`resources/i18n/messages_en.ts`), so a message has one English text wherever it shows."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from pathlib import Path

from desk.domain import messages
from desk.paths import resources_dir

log = logging.getLogger(__name__)


def catalog_path() -> Path:
    return resources_dir() / "i18n" / "messages_en.ts"


@functools.cache
def _english(path: Path) -> Mapping[str, str]:
    """Chinese source -> finished English translation, for the "Messages" context."""
    import xml.etree.ElementTree as ET  # only when a message is first put in English, not at start-up

    table: dict[str, str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        # Messages then show in Chinese in English output: worth a line in the log, not a failure.
        log.warning("no English messages (%s): %s", path.name, exc)
        return table
    for context in root.iter("context"):
        if context.findtext("name") != messages.CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and translation.get("type") is None:
                table[source] = translation.text
    return table


def install_english(path: Path | None = None) -> None:
    """Make `DeskError.message_en` (and `messages.english`) read this catalog. The file is read when
    the first message is put in English, not here: a composition root installs this while starting,
    and the desk's sign-in screen should not wait for a parse of the whole catalogue."""
    catalog = path or catalog_path()
    messages.use_english(lambda source: _english(catalog).get(source))

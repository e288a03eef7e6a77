"""Articles given in the browser: uploaded files (as bytes) and pasted text.

Same readers as for files on disk (timeline.reading); every problem becomes a `name: message`
line so one bad upload never stops the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import PurePath

from timeline.reading import ReadError, Reading, decode, read_all, read_source, read_text

MAX_FILE_BYTES = 10 * 1024 * 1024


def read_uploads(files: Sequence[tuple[str, bytes]], max_bytes: int = MAX_FILE_BYTES) -> Reading:
    """Every document in the uploaded (name, content) pairs; too large, binary, empty or
    unreadable files are reported and skipped."""

    def read(name: str, data: bytes) -> Reading:
        if len(data) > max_bytes:
            raise ReadError(
                f"too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB "
                "per file)"
            )
        text, warnings = decode(data)
        return read_source(PurePath(name), text, warnings, name)

    return read_all((name, partial(read, name, data)) for name, data in files)


def read_pasted(text: str, name: str = "pasted") -> Reading:
    """Pasted text as one article (a first line `date 2024-05-15` sets its DCT)."""
    try:
        return Reading([read_text(text, name)], [])
    except ReadError as e:
        return Reading([], [f"{name}: {e}"])

"""Loading language data from timeline/resources/<lang>/ (data files only, no code).

Every module that needs language knowledge reads it through `resource` so that adding a
language means adding a folder of files.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources


@cache
def languages() -> tuple[str, ...]:
    """The language codes that have a resource folder (cached: find_dates asks for each text)."""
    root = resources.files("timeline") / "resources"
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


def has_resource(language: str, name: str) -> bool:
    return (resources.files("timeline") / "resources" / language / name).is_file()


@cache
def resource(language: str, name: str):
    """A parsed resource file: .toml -> dict, .json -> object, .jsonl -> list, .txt -> lines.

    Text files skip blank lines and lines starting with '#'. Results are cached per process.
    """
    path = resources.files("timeline") / "resources" / language / name
    text = path.read_text(encoding="utf-8")
    if name.endswith(".toml"):
        return tomllib.loads(text)
    if name.endswith(".json"):
        return json.loads(text)
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

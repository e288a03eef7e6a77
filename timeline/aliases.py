"""The user's alias file: rename, re-assign or merge actors without touching code.

A TOML file of `"from" = "to"` lines:

    # A name as written in the articles -> the actor it means (by name or by id)
    "Kreml" = "Russland"
    "Der Kanzler" = "person:olaf-scholz"
    # An actor id -> another actor id: the two actors become one
    "person:scholz" = "person:olaf-scholz"

`from` is either a name as written in the text (every mention written so is re-assigned, and
the name is looked for in texts even where the built-in lists do not know it) or an actor id
(all its mentions move). `to` is an actor id ("country:RUS", "org:nato", "person:olaf-scholz",
"loc:moscow") or a name that the built-in lists know in any language ("Russia", "Russland",
"Nato"); a name they do not know makes a new actor of the kind of `from`'s mentions.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from timeline.gazetteer import gazetteer, kind_of, slug, tokenize
from timeline.lexicon import languages


class AliasFileError(ValueError):
    """An alias file that cannot be read; the message says where and why."""


@dataclass(frozen=True)
class Aliases:
    """`names`: mention text -> actor id; `ids`: actor id -> actor id."""

    names: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    # Display names for actors that only the alias file knows (to-names it could not resolve).
    new_names: dict[str, str] = field(default_factory=dict)

    def actor_for(self, text: str, actor_id: str) -> str:
        """The actor a mention belongs to after the user's aliases (followed to the end)."""
        target = self.names.get(text, actor_id)
        seen = {target}
        while target in self.ids:
            target = self.ids[target]
            if target in seen:
                break
            seen.add(target)
        return target

    def __hash__(self) -> int:  # usable as a cache key
        return hash((tuple(sorted(self.names.items())), tuple(sorted(self.ids.items()))))


def _is_id(value: str) -> bool:
    return ":" in value and kind_of(value) is not None


def _known_id(name: str) -> str | None:
    """The id of a built-in actor that some language calls `name`."""
    words = [t.text for t in tokenize(name)]
    for lang in languages():
        try:
            gaz = gazetteer(lang)
        except FileNotFoundError:
            continue
        for hit in gaz.hits(words):
            if hit.start == 0 and hit.end == len(words):
                return hit.entry.id
    return None


def parse_aliases(data: dict, source: str = "aliases") -> Aliases:
    names: dict[str, str] = {}
    ids: dict[str, str] = {}
    new_names: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip() or not key.strip():
            raise AliasFileError(
                f'{source}: {key!r} = {value!r}: each line must be "name or id" = "name or id"'
            )
        value = value.strip()
        target = value if _is_id(value) else _known_id(value)
        if target is None:
            kind = kind_of(key) if _is_id(key) else None
            prefix = key.split(":", 1)[0] if kind else "org"
            target = f"{prefix}:{slug(value)}"
            new_names[target] = value
        if _is_id(key):
            ids[key] = target
        else:
            names[key.strip()] = target
    return Aliases(names, ids, new_names)


def load_aliases(path: str | Path) -> Aliases:
    """Read an alias file; raises AliasFileError with a clear message if it is not usable."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AliasFileError(f"alias file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise AliasFileError(f"{path}: not a valid TOML file: {err}") from None
    return parse_aliases(data, str(path))

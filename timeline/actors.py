"""Actors of a corpus: every mention of a person, country, organization or place, unified.

    find_actors(documents, aliases=None) -> list[Actor]
        All actors of the corpus, each with its mentions (doc id + character offsets into
        Document.text), most mentioned first. Ids are stable across runs and documents:
        "country:DEU", "person:olaf-scholz", "org:nato", "loc:moscow".

    actor_mentions(document, aliases=None) -> list[tuple[Mention, str]]
        The mentions of ONE document with their actor ids, in text order (for the events
        module; cached, a 400-word article takes a few milliseconds).

`aliases` is the user's alias file (timeline.aliases.load_aliases): it re-assigns names and
merges actors. Document.language "de" or "en" picks the language data; None detects it. Known
actors are named in the language of most of the corpus' documents (ties: German): in a German
corpus, an English article's "Norway" is the actor "Norwegen".
The same name is one actor in every document; a surname alone is resolved inside its document
(timeline/ner.py), so two people with the same surname in different articles stay apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from timeline.aliases import Aliases
from timeline.gazetteer import gazetteer, kind_of
from timeline.language import detect_language
from timeline.lexicon import has_resource
from timeline.model import Actor, ActorKind, Document, Mention
from timeline.ner import Recognized, recognizer
from timeline.statistical import model_spans

DEFAULT_LANGUAGE = "de"
_NO_ALIASES = Aliases()


def document_language(document: Document) -> str:
    """The language whose actor data reads this document."""
    lang = document.language or detect_language(document.text)
    return lang if has_resource(lang, "actor_grammar.toml") else DEFAULT_LANGUAGE


@lru_cache(maxsize=4096)
def _recognize(text: str, language: str, aliases: Aliases) -> tuple[Recognized, ...]:
    rules = recognizer(language)
    found = rules.recognize(text)
    found = rules.fill(text, found, model_spans(text, language, found))
    return tuple(found) + tuple(_alias_names(text, found, aliases))


def _alias_names(text: str, found: list[Recognized], aliases: Aliases) -> list[Recognized]:
    """Occurrences of the alias file's names that the recognizer did not find."""
    extra: list[Recognized] = []
    for name, target in aliases.names.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            spans = [(r.start, r.end) for r in (*found, *extra)]
            if not any(s < m.end() and m.start() < e for s, e in spans):
                kind = kind_of(target) or ActorKind.ORGANIZATION
                extra.append(Recognized(m.start(), m.end(), name, kind, target, name))
    return extra


def _mentions(document: Document, aliases: Aliases) -> list[tuple[Mention, Recognized]]:
    found = _recognize(document.text, document_language(document), aliases)
    out = []
    for r in sorted(found, key=lambda r: r.start):
        mention = Mention(document.id, r.start, r.end, r.text)
        out.append((mention, r))
    return out


def actor_mentions(document: Document, aliases: Aliases | None = None) -> list[tuple[Mention, str]]:
    """The mentions of one document with the id of their actor, in text order."""
    aliases = aliases or _NO_ALIASES
    return [(m, aliases.actor_for(m.text, r.id)) for m, r in _mentions(document, aliases)]


def find_actors(documents: Sequence[Document], aliases: Aliases | None = None) -> list[Actor]:
    """All actors named in `documents`, most mentioned first (ties by name)."""
    aliases = aliases or _NO_ALIASES
    mentions: dict[str, list[Mention]] = defaultdict(list)
    seen: dict[str, list[Recognized]] = defaultdict(list)
    languages = Counter(document_language(d) for d in documents)
    for document in documents:
        for mention, r in _mentions(document, aliases):
            actor_id = aliases.actor_for(mention.text, r.id)
            mentions[actor_id].append(mention)
            seen[actor_id].append(r)
    # The language most documents are in; ties go to the default language, then by name.
    language = min(languages, key=lambda k: (-languages[k], k != DEFAULT_LANGUAGE, k), default="")
    actors = [
        _actor(actor_id, mentions[actor_id], seen[actor_id], aliases, language) for actor_id in seen
    ]
    return sorted(actors, key=lambda a: (-len(a.mentions), a.name.lower(), a.id))


def _actor(
    actor_id: str,
    mentions: list[Mention],
    found: list[Recognized],
    aliases: Aliases,
    language: str,
) -> Actor:
    """One actor from its mentions: the name and kind its id says (the name in `language` for
    a known actor), the most common country."""
    own = [r for r in found if r.id == actor_id]  # mentions not moved here by an alias
    names = Counter(r.name for r in own)
    name = (
        aliases.new_names.get(actor_id)
        or gazetteer(language).name_of(actor_id)
        or (max(names, key=lambda n: (names[n], len(n))) if names else found[0].name)
    )
    kind = kind_of(actor_id) or (own or found)[0].kind
    countries = Counter(r.country for r in (own or found) if r.country)
    country = countries.most_common(1)[0][0] if countries else None
    if kind is ActorKind.COUNTRY:
        country = actor_id.split(":", 1)[1]
    aliases_seen = tuple(sorted({m.text for m in mentions}))
    return Actor(actor_id, name, kind, country, aliases_seen, tuple(mentions))

"""Known actors of one language as token patterns: countries, places, organizations, people.

The data comes from timeline/resources/<lang>/ (countries.jsonl, country_forms.toml,
places.jsonl, organizations.jsonl, people.jsonl, roles.toml, actor_grammar.toml). Each pattern
is a token sequence pointing at an entry (the actor) and a `form` that says how the name is used:

- "name": the actor's name ("Russland", "Russlands", "Nato");
- "adjective" / "people": an adjective or demonym of a country ("russische", "Russen");
- "capital": a capital that is a place, or the state when it acts ("Moskau erklärte");
- "seat": a seat of government that is the state, unless named as a place ("im Kreml");
- "surname": the surname of a known person, used alone ("Putin").

Matching is longest-then-leftmost over tokens, as in spaCy's entity ruler.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from timeline.lexicon import has_resource, resource
from timeline.model import ActorKind

# Words (with inner hyphens, dots, apostrophes), an English "'s", or any other single character.
_TOKEN_RE = re.compile(r"[^\W_]+(?:(?:[-.]|['’](?![sS]\b))[^\W_]+)*|['’][sS]\b|\S")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def slug(name: str) -> str:
    """A stable id part: "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan"."""
    text = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class Entry:
    """A known actor."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None


@dataclass(frozen=True)
class Hit:
    """One pattern match: tokens [start, end) name `entry` in the way `form` says."""

    start: int
    end: int
    entry: Entry
    form: str


_KIND_BY_PREFIX = {
    "person": ActorKind.PERSON,
    "country": ActorKind.COUNTRY,
    "org": ActorKind.ORGANIZATION,
    "loc": ActorKind.LOCATION,
}


_GOVERNMENT = "org:government-"  # + the state's code in lower case: "org:government-usa"


def kind_of(actor_id: str) -> ActorKind | None:
    """The kind an actor id stands for ("org:nato" -> ORGANIZATION), None if unknown."""
    return _KIND_BY_PREFIX.get(actor_id.split(":", 1)[0])


class Gazetteer:
    """All patterns of one language, indexed by their first token."""

    def __init__(self, language: str):
        self.language = language
        self.grammar = resource(language, "actor_grammar.toml")
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], Entry, str]]] = {}
        self._acting_for: dict[str, str] = {}  # country code -> id of what its capital acts for
        self._load_countries()
        # Regions first: where a name is in both lists (German states), theirs is the id.
        self._load_jsonl("regions.jsonl", ActorKind.LOCATION)
        self._load_jsonl("places.jsonl", ActorKind.LOCATION, set(self.grammar["ambiguous_places"]))
        self._load_jsonl("organizations.jsonl", ActorKind.ORGANIZATION)
        self._load_jsonl("people.jsonl", ActorKind.PERSON)
        table = resource(language, "roles.toml")
        roles = table["roles"]
        self.role_endings = tuple(table["endings"])
        self.roles: dict[tuple[str, ...], str | None] = {
            tuple(t.text.lower() for t in tokenize(k)): (v or None) for k, v in roles.items()
        }
        self.role_length = max(len(k) for k in self.roles)

    # -- loading ---------------------------------------------------------------------------

    def add(self, pattern: str, entry: Entry, form: str) -> None:
        self.entries.setdefault(entry.id, entry)
        words = tuple(t.text for t in tokenize(pattern))
        if not words:
            return
        variants = {words}
        if form == "adjective":
            stem = words[-1]
            variants = {words[:-1] + (stem + e,) for e in self.grammar["adjective_endings"]}
        if form in ("name", "capital", "seat", "surname"):
            last = words[-1]
            sibilant = last[-1] in self.grammar["sibilants"]
            endings = self.grammar["genitive_after_sibilant" if sibilant else "genitive_suffixes"]
            variants |= {words[:-1] + (last + e,) for e in endings}
        for v in list(variants):
            if v[0][:1].islower():  # sentence-initial: "Russische Truppen"
                variants.add((v[0][:1].upper() + v[0][1:],) + v[1:])
        for v in variants:
            self._index.setdefault(v[0], []).append((v, entry, form))

    def _load_countries(self) -> None:
        forms = resource(self.language, "country_forms.toml")
        places = {
            name: row["id"]
            for row in resource(self.language, "places.jsonl")
            for name in row.get("patterns", [row["name"]])
        }
        for row in resource(self.language, "countries.jsonl"):
            code = row["country"]
            entry = Entry(row["id"], row["name"], ActorKind.COUNTRY, code)
            self.add(row["name"], entry, "name")
            extra = forms.get(code, {})
            for name in extra.get("names", ()):
                self.add(name, entry, "name")
            for adjective in extra.get("adjectives", ()):
                self.add(adjective, entry, "adjective")
            for people in extra.get("people", ()):
                self.add(people, entry, "people")
            for seat in extra.get("seats", ()):
                self.add(seat, entry, "seat")
            capital = extra.get("capital")
            if capital:
                self.add(capital, entry, "capital")
                place_id = places.get(capital, f"loc:capital-{code.lower()}")
                self.entries[f"capital:{code}"] = Entry(place_id, capital, ActorKind.LOCATION, code)
            if "acting_for" in extra:
                self._acting_for[code] = extra["acting_for"]

    def _load_jsonl(self, filename: str, kind: ActorKind, skip: set[str] = frozenset()) -> None:
        if not has_resource(self.language, filename):
            return
        family_first = set(self.grammar["family_first"])
        for row in resource(self.language, filename):
            entry = Entry(row["id"], row["name"], kind, row.get("country"))
            for pattern in row.get("patterns", [row["name"]]):
                if pattern not in skip:
                    self.add(pattern, entry, "name")
            if kind is ActorKind.PERSON:
                words = row["name"].split()
                surname = words[0] if words[0] in family_first else words[-1]
                if len(words) > 1 and surname[:1].isupper():
                    self.add(surname, entry, "surname")

    # -- matching --------------------------------------------------------------------------

    def hits(self, words: list[str]) -> list[Hit]:
        """Every pattern that matches at every position (overlaps are resolved by the caller).

        Words in capitals ("OSLO —" in a dateline) also match the name written normally.
        """
        found = self._hits(words)
        titled = [w.title() if len(w) >= 4 and w.isupper() and w.isalpha() else w for w in words]
        if titled != words:
            found += [h for h in self._hits(titled) if h not in found]
        return found

    def _hits(self, words: list[str]) -> list[Hit]:
        found = []
        for i, word in enumerate(words):
            for pattern, entry, form in self._index.get(word, ()):
                n = len(pattern)
                if tuple(words[i : i + n]) == pattern:
                    found.append(Hit(i, i + n, entry, form))
        return found

    def lookup(self, word: str) -> list[Hit]:
        """Single-token patterns equal to `word` (the parts of compounds: "US-Regierung")."""
        return [Hit(0, 1, e, f) for p, e, f in self._index.get(word, ()) if len(p) == 1]

    def role_at(self, words: list[str], i: int) -> tuple[int, str | None] | None:
        """The longest role starting at token i: (end token, the country the role implies)."""
        for n in range(min(self.role_length, len(words) - i), 0, -1):
            key = tuple(w.lower() for w in words[i : i + n])
            if key in self.roles:
                return i + n, self.roles[key]
        word = words[i] if i < len(words) else ""
        if word[:1].isupper() and word.lower().endswith(self.role_endings):
            return i + 1, None
        return None

    def capital_place(self, code: str) -> Entry | None:
        return self.entries.get(f"capital:{code}")

    def government(self, state: Entry) -> Entry:
        """The government of a state ("US-Regierung"): from the lists, else named by the
        grammar's government_name."""
        code = state.country or ""
        actor_id = f"{_GOVERNMENT}{code.lower()}"
        name = self.grammar["government_name"].format(country=state.name)
        return self.entries.get(actor_id, Entry(actor_id, name, ActorKind.ORGANIZATION, code))

    def name_of(self, actor_id: str) -> str | None:
        """The name of a known actor in this language, None for one the lists do not know."""
        entry = self.entries.get(actor_id)
        if entry is None and actor_id.startswith(_GOVERNMENT):
            state = self.entries.get(f"country:{actor_id.removeprefix(_GOVERNMENT).upper()}")
            entry = self.government(state) if state else None
        return entry.name if entry else None

    def capital_actor(self, state: Entry) -> Entry:
        """What the state's capital stands for when it acts: the state, or the organization
        seated there that country_forms.toml names ("Brüssel" -> the EU)."""
        return self.entries.get(self._acting_for.get(state.country or ""), state)


@cache
def gazetteer(language: str) -> Gazetteer:
    return Gazetteer(language)

"""Recognize actors in one text: people, countries, organizations, places.

Rules and gazetteers first (timeline/gazetteer.py), then an optional statistical model
(timeline/statistical.py) for names that no list knows. Every mention comes out with the id of
its actor, resolved inside the text:

- a capital or a seat of government is the state when it acts ("Moskau erklärte", "der Kreml
  warnte") and a place when named as one ("in Moskau");
- a title or role before a name marks a person and gives a country ("Irans Außenminister Abbas
  Araghtschi", "US-Präsident Joe Biden");
- a surname used alone is the nearest person named before with that surname ("Olaf Scholz" ...
  "Scholz"), so two people with the same surname stay apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, replace
from functools import cache

from timeline.gazetteer import Entry, Gazetteer, Hit, Token, gazetteer, slug, tokenize
from timeline.lexicon import has_resource, resource
from timeline.model import ActorKind


@dataclass(frozen=True)
class Recognized:
    """A mention with its actor: characters [start, end) of the text."""

    start: int
    end: int
    text: str
    kind: ActorKind
    id: str
    name: str
    country: str | None = None
    form: str = ""  # how the name is used: see timeline/gazetteer.py; "" for model spans


@dataclass(frozen=True)
class _Candidate:
    start: int  # token index
    end: int
    entry: Entry | None  # None: found by a rule (form person/organization/place), not a list
    form: str
    priority: int  # lower wins among candidates of the same length
    country: str | None = None  # affiliation given by a role
    char_end: int | None = None  # a part of a token ("US" in "US-Regierung")


# Among overlapping candidates of the same length (in tokens): who wins.
_PRIORITY = {
    "person-gazetteer": 0,
    "role-person": 1,
    ActorKind.ORGANIZATION: 2,
    ActorKind.COUNTRY: 3,
    ActorKind.LOCATION: 4,
    "name-person": 5,
    ActorKind.PERSON: 6,  # a known person's surname alone
    "prefix": 9,  # "US" in "US-Regierung": loses to any other reading of the token
}


@cache
def first_names(language: str) -> frozenset[str]:
    return frozenset(resource(language, "first_names.txt"))


@cache
def surnames(language: str) -> frozenset[str]:
    return frozenset(resource(language, "surnames.txt"))


@cache
def word_frequency(language: str) -> dict[str, int]:
    """Lower-case word -> its Zipf frequency class (5: very common); {} without the file."""
    if not has_resource(language, "word_frequency.txt"):
        return {}
    return {
        w: int(z) for w, z in (line.split() for line in resource(language, "word_frequency.txt"))
    }


class Recognizer:
    """The rule-based recognizer of one language (cached per language by `recognizer`)."""

    def __init__(self, language: str):
        self.language = language
        self.gaz: Gazetteer = gazetteer(language)
        g = self.gaz.grammar
        self.given = first_names(language) - set(g["not_names"])
        self.not_names = frozenset(g["not_names"])
        self.particles = frozenset(g["name_particles"])
        self.prefixes = tuple(g["name_prefixes"])
        self.family_first = frozenset(g["family_first"])
        self.locative = frozenset(g["locative_words"])
        self.determiners = frozenset(g["determiners"])
        self.acting = frozenset(g["acting_verbs"])
        self.noun_endings = tuple(g["not_name_endings"])
        self.government_heads = frozenset(g["government_heads"])
        self.speech_verbs = frozenset(g["speech_verbs"])
        self.common_class = g["common_word_class"]
        self.frequency = word_frequency(language)
        self.surnames = surnames(language)
        self.known_names = self.given | self.surnames
        self.place_endings = tuple(g["place_endings"])
        self.place_prepositions = frozenset(g["place_prepositions"])
        self.road_letters = frozenset(g["road_letters"])
        self.coordinators = frozenset(g["coordinators"])
        self.legal_forms = frozenset(g["organization_legal_forms"])
        self.place_adjective_endings = tuple(g["place_adjective_endings"])
        self.articles = frozenset(g["contracted_articles"]) | self.determiners
        self.org_endings = tuple(g["organization_endings"])
        self.org_prefixes = tuple(g["organization_prefixes"])
        self.org_prefix_heads = tuple(g["organization_prefix_heads"])
        self.org_heads = _by_first_word(g["organization_heads"])
        self.org_suffixes = _by_first_word(g["organization_suffixes"])

    # -- the pipeline ----------------------------------------------------------------------

    def recognize(self, text: str) -> list[Recognized]:
        """The mentions that the rules and lists find in `text`, in text order."""
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        hits = [
            h
            for h in self.gaz.hits(words)
            if h.form != "surname" or self._surname_alone(words[h.start])
        ]
        blocked = {h.start for h in hits if h.entry.kind is not ActorKind.PERSON}
        candidates = [self._from_hit(h) for h in hits]
        candidates += self._compounds(tokens)
        candidates += self._people(words, candidates, blocked)
        candidates += self._organizations(words)
        compounds = {c.start for c in candidates if c.form in ("prefix", "name")}
        candidates += self._places(words, blocked | compounds)
        chosen = _select(candidates)
        found = [self._resolve(c, tokens, words, chosen) for c in chosen]
        found += self._surnames(tokens, words, chosen, found)
        return sorted(found, key=lambda r: r.start)

    def fill(self, text: str, found: list[Recognized], extra: list[Recognized]) -> list[Recognized]:
        """`found` plus the spans of a statistical model where the rules found nothing.

        A person that only the rules found ("Jupp") gives way to a longer person span of the
        model ("Jupp Heynckes"); every other rule mention wins over the model. A name that only
        its context marked ("Stürmer Kageneck", "in Vorovoro", or the model) is the same actor
        wherever else the text writes it, where nothing marks it.
        """
        people = sorted((m.start, m.end) for m in extra if m.kind is ActorKind.PERSON)
        out = []
        for r in found:
            k = bisect_right(people, (r.start, len(text)))  # the model's person from r.start on
            longer = k and people[k - 1][1] >= r.end and people[k - 1] != (r.start, r.end)
            if r.form in ("person", "surname") and longer:
                continue
            out.append(r)
        spans = sorted((o.start, o.end) for o in out)  # no two overlap; nor do the model's
        known = {}  # surname -> the first person with it
        for r in out:
            if r.kind is ActorKind.PERSON:
                known.setdefault(self._surname_of(r.name), r)

        def free(start: int, end: int) -> bool:
            k = bisect_right(spans, (start, end))
            return not (k and spans[k - 1][1] > start) and not (
                k < len(spans) and spans[k][0] < end
            )

        for m in extra:
            if free(m.start, m.end):
                insort(spans, (m.start, m.end))
                out.append(self._model_mention(m, known))
                if m.kind is ActorKind.PERSON:
                    known.setdefault(self._surname_of(out[-1].name), out[-1])
        # Names known from their context only (the model's; a role's, a preposition's, ...).
        by_context = {r.text: r for r in out if r.form in ("", "person", "place", "organization")}
        if by_context:
            names = "|".join(re.escape(n) for n in sorted(by_context, key=len, reverse=True))
            for hit in re.finditer(rf"(?<!\w)(?:{names})(?!\w)", text):
                if free(*hit.span()):
                    insort(spans, hit.span())
                    out.append(replace(by_context[hit.group()], start=hit.start(), end=hit.end()))
        return sorted(out, key=lambda r: r.start)

    def _surname_alone(self, word: str) -> bool:
        """May a known person's surname alone stand for them? Not if it is a common word
        ("May", "Heil")."""
        common = self.frequency.get(word.lower(), 0) >= self.common_class
        return self._is_name_word(word) and not common

    def _from_hit(self, h: Hit) -> _Candidate:
        key = "person-gazetteer" if h.form == "name" and h.entry.kind is ActorKind.PERSON else None
        return _Candidate(h.start, h.end, h.entry, h.form, _PRIORITY[key or h.entry.kind])

    def _compounds(self, tokens: list[Token]) -> list[_Candidate]:
        """ "US-Regierung" -> the US government; "Nato-Gipfel", "EU-Staaten" -> Nato, EU."""
        found = []
        for i, t in enumerate(tokens):
            left, dash, right = t.text.partition("-")
            if not dash or not right[:1].isalpha():
                continue
            hits = [h for h in self.gaz.lookup(left) if h.form in ("name", "seat")]
            hits = [h for h in hits if h.entry.kind is not ActorKind.PERSON]
            if not hits:
                continue
            entry = hits[0].entry
            if right in self.government_heads and entry.kind is ActorKind.COUNTRY:
                gov = self.gaz.government(entry)
                found.append(_Candidate(i, i + 1, gov, "name", _PRIORITY[gov.kind]))
            else:
                prefix = _PRIORITY["prefix"]
                found.append(
                    _Candidate(i, i + 1, entry, "prefix", prefix, char_end=t.start + len(left))
                )
        return found

    def _organizations(self, words: list[str]) -> list[_Candidate]:
        """ "Universität Hamburg", "FC Bayern" (a head before the name), "Spezstroi GmbH"."""
        found = []
        n = len(words)
        priority = _PRIORITY[ActorKind.ORGANIZATION]
        for i in range(n):
            for head in self.org_heads.get(words[i], ()):
                j = end = i + len(head)
                if tuple(words[i:end]) != head:
                    continue
                while j < n and j - end < 3 and self._org_word(words[j]):
                    j += 1
                if j > end:
                    found.append(_Candidate(i, j, None, "organization", priority))
            if self._org_compound(words[i]):  # "Meeresschutzbund", "Bundesnetzagentur"
                found.append(_Candidate(i, i + 1, None, "organization", priority))
            for suffix in self.org_suffixes.get(words[i], ()):
                if tuple(words[i : i + len(suffix)]) != suffix:
                    continue
                j = i
                while j > 0 and i - j < 3 and self._org_word(words[j - 1]):
                    j -= 1
                if j < i:
                    found.append(_Candidate(j, i + len(suffix), None, "organization", priority))
        return found

    def _org_compound(self, word: str) -> bool:
        low = word.lower()
        if not word[:1].isupper():
            return False
        ending = any(low.endswith(e) and len(low) > len(e) + 3 for e in self.org_endings)
        prefixed = word.startswith(self.org_prefixes) and low.endswith(self.org_prefix_heads)
        return ending or prefixed

    def _places(self, words: list[str], blocked: set[int]) -> list[_Candidate]:
        """Unknown names that are places: "in Vorovoro", "Böckingen" (a place-name ending),
        and roads: "A 7", "A7", "B 12"."""
        found = []
        place = _PRIORITY[ActorKind.LOCATION]
        for i, w in enumerate(words):
            if w[:1] in self.road_letters and _road_number(w[1:]):  # "A7"
                found.append(_Candidate(i, i + 1, None, "place", place))
            elif w in self.road_letters and i + 1 < len(words) and _road_number(words[i + 1]):
                found.append(_Candidate(i, i + 2, None, "place", place))
            if i in blocked or not self._is_name_word(w) or not self._unknown(w):
                continue
            after = i > 0 and words[i - 1] in self.place_prepositions and not self.is_compound(w)
            ending = len(w) >= 6 and w.endswith(self.place_endings)
            if after or ending:
                found.append(_Candidate(i, i + 1, None, "place", place))
        return found

    def is_compound(self, word: str) -> bool:
        """Ends in a common word ("Kapazitätsgründen"): a compound noun, not a name."""
        low = word.lower()
        return any(self.frequency.get(low[k:], 0) >= 3 for k in range(3, len(low) - 3))

    def _unknown(self, word: str) -> bool:
        """Not a word of the frequency list and not a known name."""
        return word.lower() not in self.frequency and word not in self.known_names

    def _org_word(self, w: str) -> bool:
        return (w[:1].isupper() or w[:1].isdigit()) and w not in self.not_names

    # -- people ----------------------------------------------------------------------------

    def is_common(self, word: str) -> bool:
        """A common word ("Angebot") that no name list has."""
        common = self.frequency.get(word.lower(), 0) >= self.common_class
        return common and word not in self.known_names

    def _is_name_word(self, w: str) -> bool:
        return (
            w[:1].isupper()
            and any(c.islower() for c in w)
            and w not in self.not_names
            and not any(w.endswith(e) and len(w) >= len(e) + 4 for e in self.noun_endings)
        )

    def _name_end(
        self, words: list[str], i: int, after_role: bool, blocked: set[int]
    ) -> int | None:
        """The end of a person's name starting at token i, or None if no name starts there."""
        n = len(words)
        if i >= n or i in blocked:
            return None
        if len(words[i]) == 1 and words[i].isupper() and words[i + 1 : i + 2] == ["."]:
            return None if after_role else self._surname_end(words, i + 2, blocked)  # "W. Müller"
        if not self._is_name_word(words[i]):
            return None
        if words[i] in self.family_first:  # "Xi Jinping", "Kim Jong Un"
            j = i + 1
            while j < n and j - i < 3 and self._is_name_word(words[j]) and len(words[j]) <= 8:
                j += 1
            return j if j > i + 1 or after_role else None
        j = i
        while (
            j < n
            and words[j] in self.given
            and j + 1 < n
            and self._surname_start(words, j + 1, blocked)
        ):
            j += 1
        if j == i and not after_role:
            # A rare given name before a known surname ("Volkbert Keßler"), else no person.
            nxt = words[i + 1] if i + 1 < n else ""
            rare = self._unknown(words[i]) and not self.is_compound(words[i])
            if rare and nxt in self.surnames and nxt not in self.given and not self.is_common(nxt):
                return i + 2 if i + 1 not in blocked else None
            return None
        if j > i:  # given names, then the surname (after particles: "Ursula von der Leyen")
            return self._surname_end(words, j, blocked)
        return self._surname_end(words, i, blocked)

    def _surname_start(self, words: list[str], j: int, blocked: set[int]) -> bool:
        w = words[j]
        if w in self.particles or w.startswith(self.prefixes):
            return True
        return self._is_name_word(w) and j not in blocked

    def _surname_end(self, words: list[str], j: int, blocked: set[int]) -> int | None:
        n = len(words)
        k = j
        while k < n and words[k] in self.particles:
            k += 1
        if k < n and (self._is_name_word(words[k]) or words[k].startswith(self.prefixes)):
            if k in blocked and k == j:
                return None
            return k + 1
        return None

    def _people(
        self, words: list[str], known: list[_Candidate], blocked: set[int]
    ) -> list[_Candidate]:
        countries = {c.end: c.entry for c in known if c.entry and c.form != "prefix"}
        prefixes = {c.start: c.entry for c in known if c.form == "prefix"}
        found = []
        for i, w in enumerate(words):
            role = self.gaz.role_at(words, i)
            country = None
            if role is None and "-" in w:  # "US-Präsident", "Kreml-Sprecher"
                left, _, right = w.partition("-")
                inner = self.gaz.role_at([right], 0)
                if inner and i in prefixes:
                    role, country = (i + 1, inner[1]), prefixes[i].country
            if role is None:
                end = self._name_end(words, i, False, blocked)
                if end:
                    found.append(_Candidate(i, end, None, "person", _PRIORITY["name-person"]))
                elif w in self.speech_verbs:  # "sagte Eymer", "sagte der Trainer Jupp"
                    k = i + 1
                    while k < len(words) and words[k] in self.determiners:
                        k += 1
                    end = self._surname_end(words, k, blocked)
                    if end and not self.is_common(words[k]) and self.gaz.role_at(words, k) is None:
                        found.append(_Candidate(k, end, None, "person", _PRIORITY["role-person"]))
                continue
            start = role[0]
            if country is None:  # "Irans Außenminister", "Iran's Foreign Minister"
                before = countries.get(i) or countries.get(
                    i - 1 if words[i - 1 : i] in (["'s"], ["’s"]) else -1
                )
                country = before.country if before else role[1]
            end = self._name_end(words, start, True, blocked)
            if end:
                found.append(
                    _Candidate(start, end, None, "person", _PRIORITY["role-person"], country)
                )
        return found

    def _surnames(
        self,
        tokens: list[Token],
        words: list[str],
        chosen: list[_Candidate],
        found: list[Recognized],
    ) -> list[Recognized]:
        """Surnames alone that refer back to a full name in this text ("Scholz", "Putins")."""
        taken = {i for c in chosen for i in range(c.start, c.end)}
        people = sorted(
            (r for r in found if r.kind is ActorKind.PERSON and " " in r.text),
            key=lambda r: r.start,
        )
        first_end = min((r.end for r in people), default=None)
        suffixes = ("", *self.gaz.grammar["genitive_suffixes"], "'", "’")
        by_form: dict[str, list[Recognized]] = {}  # "Scholz", "Scholz'" -> the full names
        for r in people:
            surname = self._surname_of(r.text)
            for s in suffixes:
                by_form.setdefault(surname + s, []).append(r)
        extra = []
        for i, w in enumerate(words):
            if i in taken or w not in by_form or not self._is_name_word(w):
                continue
            # The nearest full name before; in a headline, one after unless the word is common.
            t = tokens[i]
            before = [r for r in by_form[w] if r.end <= t.start]
            if before:
                r = max(before, key=lambda r: r.start)
            elif (first_end is None or first_end > t.start) and not self.is_common(w):
                r = by_form[w][0]
            else:
                continue
            extra.append(Recognized(t.start, t.end, t.text, r.kind, r.id, r.name, r.country,
                                    "surname"))  # fmt: skip
        return extra

    def _surname_of(self, name: str) -> str:
        words = name.split()
        return words[0] if words[0] in self.family_first else words[-1]

    # -- from candidates to mentions -------------------------------------------------------

    def _resolve(
        self, c: _Candidate, tokens: list[Token], words: list[str], chosen: list[_Candidate]
    ) -> Recognized:
        start = tokens[c.start].start
        end = c.char_end or tokens[c.end - 1].end
        text = tokens[c.start].text[: end - start] if c.char_end else _text(tokens, c)
        if c.form == "place":
            place = ActorKind.LOCATION
            return Recognized(start, end, text, place, f"loc:{slug(text)}", text, None, c.form)
        if c.form == "organization":
            org = ActorKind.ORGANIZATION
            return Recognized(start, end, text, org, self._org_id(text), text, None, c.form)
        if c.entry is None:  # a person found by rule
            return self._person(text, c.country, chosen, tokens, start)
        entry = c.entry
        if c.form in ("capital", "seat") and not self._acts(words, c.start, c.end, c.form):
            entry = self._place(entry, text, c.form)
        elif c.form == "capital":
            entry = self.gaz.capital_actor(entry)
        if c.form == "surname":
            return self._person(text, entry.country, chosen, tokens, start, entry)
        return Recognized(start, end, text, entry.kind, entry.id, entry.name, entry.country, c.form)

    def _acts(self, words: list[str], start: int, end: int, form: str) -> bool:
        """Does the capital/seat at tokens [start, end) stand for its state here?"""
        k = start - 1
        while k >= 0 and words[k] in self.determiners:
            k -= 1
        before = words[k] if k >= 0 else ""
        if before.lower() in self.locative or self._coordinated_place(words, k):
            return False
        after = words[end] if end < len(words) else ""
        if after in self.acting or before in self.acting:
            return True
        return form == "seat"

    def _coordinated_place(self, words: list[str], k: int) -> bool:
        """Is token k a coordinator after a place ("in Kiew und [Berlin]")?"""
        if k < 2 or words[k] not in self.coordinators:
            return False
        j = k - 1
        while j > 0 and words[j][:1].isupper() and k - j < 4:
            j -= 1
        return words[j].lower() in self.locative

    def _place(self, state: Entry, text: str, form: str) -> Entry:
        if form == "capital":
            return self.gaz.capital_place(state.country) or state
        return Entry(f"loc:{slug(text)}", text, ActorKind.LOCATION, state.country)

    def _person(
        self,
        text: str,
        country: str | None,
        chosen: list[_Candidate],
        tokens: list[Token],
        start: int,
        known: Entry | None = None,
    ) -> Recognized:
        end = start + len(text)
        if " " not in text:  # a surname alone: the nearest full name before it with that surname
            fulls = [
                c
                for c in chosen
                if c.form in ("person", "name")
                and c.end - c.start > 1
                and (c.entry is None or c.entry.kind is ActorKind.PERSON)
                and self._surname_of(_text(tokens, c)) == text
            ]
            if fulls:
                best = min(
                    fulls,
                    key=lambda c: (
                        tokens[c.start].start > start,
                        abs(tokens[c.start].start - start),
                    ),
                )
                full_text = _text(tokens, best)
                if best.entry is not None:
                    e = best.entry
                    return Recognized(
                        start, end, text, e.kind, e.id, e.name, e.country or country, "person"
                    )
                return Recognized(
                    start,
                    end,
                    text,
                    ActorKind.PERSON,
                    f"person:{slug(full_text)}",
                    full_text,
                    country or best.country,
                    "person",
                )
            if known is not None:
                return Recognized(
                    start, end, text, known.kind, known.id, known.name, known.country, "person"
                )
        return Recognized(
            start, end, text, ActorKind.PERSON, f"person:{slug(text)}", text, country, "person"
        )

    def _model_mention(self, r: Recognized, people: dict[str, Recognized]) -> Recognized:
        """A statistical model's span: an actor named by its text (a surname alone: the
        person of `people` with that surname, else by its text)."""
        if r.kind is ActorKind.PERSON and r.text in people:
            other = people[r.text]
            return Recognized(r.start, r.end, r.text, r.kind, other.id, other.name, other.country)
        if r.kind is ActorKind.ORGANIZATION:
            return Recognized(r.start, r.end, r.text, r.kind, self._org_id(r.text), r.text)
        prefix = "person" if r.kind is ActorKind.PERSON else "loc"
        return Recognized(r.start, r.end, r.text, r.kind, f"{prefix}:{slug(r.text)}", r.text)

    def _place_adjective(self, word: str) -> bool:
        """ "Hamburger", "Berliner": a place name + a place-adjective ending."""
        places = (ActorKind.LOCATION, ActorKind.COUNTRY)
        return any(
            h.entry.kind in places
            for ending in self.place_adjective_endings
            if word.endswith(ending)
            for h in self.gaz.lookup(word[: -len(ending)])
        )

    def _org_id(self, name: str) -> str:
        """The id of an organization by its name without legal form ("Nordwind Energie AG")."""
        words = name.split()
        while len(words) > 1 and words[-1] in self.legal_forms:
            words.pop()
        while len(words) > 1 and self._place_adjective(words[0]):  # "Hamburger Nordwind"
            words.pop(0)
        return f"org:{slug(' '.join(words))}"


def _road_number(word: str) -> bool:
    """A road's number: 1 to 3 digits, not starting with 0 ("7", "12", "100")."""
    return word.isdigit() and len(word) <= 3 and not word.startswith("0")


def _by_first_word(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as token tuples, indexed by their first token."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(t.text for t in tokenize(phrase))
        out.setdefault(words[0], []).append(words)
    return out


def _text(tokens: list[Token], c: _Candidate) -> str:
    """The candidate's tokens as written, any white space between them as one space."""
    out = tokens[c.start].text
    for prev, t in zip(tokens[c.start : c.end - 1], tokens[c.start + 1 : c.end], strict=True):
        out += (" " if t.start > prev.end else "") + t.text
    return out


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then by priority, then leftmost; no two chosen candidates overlap."""
    chosen: list[_Candidate] = []
    taken: set[int] = set()
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        span = set(range(c.start, c.end))
        if not span & taken:
            chosen.append(c)
            taken |= span
    return sorted(chosen, key=lambda c: c.start)


@cache
def recognizer(language: str) -> Recognizer:
    return Recognizer(language)

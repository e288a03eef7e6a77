"""The one orchestrator: documents -> language -> dates -> actors -> events -> Extraction.

The command line, the dashboard and the tests all call `extract`. A failure in one article is
recorded in `Extraction.errors` as "<doc id>: <message>" and the other articles go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from timeline.actors import find_actors
from timeline.aliases import Aliases
from timeline.dates import find_dates
from timeline.events import find_events
from timeline.language import detect_language
from timeline.lexicon import has_resource
from timeline.model import Actor, Document, DocumentDate, Extraction, TimeExpression

# progress(done, total, doc_id): called after each document's dates and events.
Progress = Callable[[int, int, str], None]


def _prepared(document: Document, dct: DocumentDate | None, language: str | None) -> Document:
    """The document with the caller's DCT and language, or its own, or a detected language."""
    if dct is not None:
        document = replace(document, dct=dct)
    if language not in (None, "", "auto"):
        return replace(document, language=language)
    if not document.language:
        return replace(document, language=detect_language(document.text))
    return document


def _corpus_ids(document: Document, found: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Timex ids unique across documents: "<doc id>:t1"."""
    return [
        replace(
            t,
            id=f"{document.id}:{t.id}",
            doc=document.id,
            anchor=f"{document.id}:{t.anchor}" if t.anchor else None,
        )
        for t in found
    ]


def _failure(document: Document, step: str, error: Exception) -> str:
    return f"{document.id}: {step} failed: {type(error).__name__}: {error}"


def _actors(documents: list[Document], aliases: Aliases | None, errors: list[str]) -> list[Actor]:
    """The actors of the corpus; if that fails, of every document that does not fail alone."""
    try:
        return find_actors(documents, aliases=aliases)
    except Exception:  # find the culprit(s), report them, keep the rest
        good = []
        for document in documents:
            try:
                find_actors([document], aliases=aliases)
                good.append(document)
            except Exception as e:
                errors.append(_failure(document, "actor recognition", e))
        return find_actors(good, aliases=aliases) if good else []


def extract(
    documents: Iterable[Document],
    *,
    dct: DocumentDate | str | None = None,
    language: str | None = None,
    aliases: Aliases | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Dates, actors and events of every document.

    `dct` (a DocumentDate or "YYYY[-MM[-DD]]") replaces every document's own DCT; `language`
    ("de", "en"; None or "auto" = the document's own, else detected) replaces its language.
    """
    if isinstance(dct, str):
        dct = DocumentDate.parse(dct)
    docs = [_prepared(d, dct, language) for d in documents]
    errors: list[str] = []
    dates: dict[str, list[TimeExpression]] = {}
    for n, document in enumerate(docs):
        notes: list[str] = []
        try:
            found = find_dates(document.text, document.language, document.dct, document.id, notes)
            dates[document.id] = _corpus_ids(document, found)
        except Exception as e:  # one article's bug must not stop the corpus
            errors.append(_failure(document, "date recognition", e))
        if notes:  # e.g. "'31. Februar' ignored: ..."
            docs[n] = replace(document, warnings=(*document.warnings, *notes))
    actors = _actors(docs, aliases, errors)
    events = []
    for done, document in enumerate(docs, 1):
        if document.id in dates and not has_resource(document.language, "events.toml"):
            errors.append(f"{document.id}: no event rules for language {document.language!r}")
        elif document.id in dates:
            try:
                events += find_events(document, dates[document.id], actors)
            except Exception as e:
                errors.append(_failure(document, "event extraction", e))
        if progress:
            progress(done, len(docs), document.id)
    return Extraction(
        documents=tuple(docs),
        timexes=tuple(t for d in docs for t in dates.get(d.id, ())),
        actors=tuple(actors),
        events=tuple(events),
        errors=tuple(errors),
    )

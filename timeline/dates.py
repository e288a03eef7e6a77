"""Find and normalize the temporal expressions of a text (the date engine's entry point)."""

from __future__ import annotations

from timeline.model import DocumentDate, TimeExpression


def find_dates(
    text: str,
    language: str,
    dct: DocumentDate | None = None,
    doc_id: str = "",
) -> list[TimeExpression]:
    """Every temporal expression in `text`, in text order, normalized against `dct`.

    `language` is a code with resources under timeline/resources/ ("de", "en").
    Ids are "t1", "t2", ... in text order.
    """
    return []

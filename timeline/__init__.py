"""timeline: turn news articles into an interactive, filterable event timeline."""

from timeline.dates import find_dates
from timeline.model import (
    Actor,
    ActorKind,
    Document,
    DocumentDate,
    Event,
    Extraction,
    InvalidDate,
    Mention,
    Precision,
    TimeExpression,
)

__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "DocumentDate",
    "Event",
    "Extraction",
    "InvalidDate",
    "Mention",
    "Precision",
    "TimeExpression",
    "find_dates",
]

"""Pydantic models of a parsed plan."""

from kehoach.schema.models import (
    SCHEMA_VERSION,
    Due,
    Finding,
    LegalRef,
    PageReading,
    Paragraph,
    Period,
    Plan,
    Quality,
    Section,
    Signer,
    Source,
    Target,
    Task,
)

__all__ = [
    "SCHEMA_VERSION",
    "Due",
    "Finding",
    "LegalRef",
    "Paragraph",
    "Period",
    "Plan",
    "PageReading",
    "Quality",
    "Section",
    "Signer",
    "Source",
    "Target",
    "Task",
]

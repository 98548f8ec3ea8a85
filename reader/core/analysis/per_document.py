"""Facts about one document that the quotes of it ask about again and again (the ages, the genders the
story gives its people, whom its '…, the company said' meant): worked out once, on the first question, and
kept while the same text and entities are asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from .values import Entity

T = TypeVar("T")


class PerDocument(Generic[T]):
    """`read(text, entities)` for the last document asked about."""

    def __init__(self, read: Callable[[str, Sequence[Entity]], T]) -> None:
        self._read = read
        self._last: tuple[str, Sequence[Entity], T] | None = None

    def __call__(self, text: str, entities: Sequence[Entity]) -> T:
        last = self._last  # one read of the attribute: another thread may replace it meanwhile
        if last is None or last[0] is not text or last[1] is not entities:
            last = self._last = (text, entities, self._read(text, entities))
        return last[2]

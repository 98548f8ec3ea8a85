"""Entity tagging on worker processes, for analyzing a whole library on every core.

Each worker loads spaCy once and returns only entity tuples, never whole Docs, so the main process
has little to do. Workers are spawned, not forked: the app's process has Qt and Whoosh threads. A pool
can be stopped at any moment; `close()` terminates its workers (spaCy's own `n_process` pipe cannot
be abandoned midway without hanging: explosion/spaCy#8798).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TypeVar

from .entities import NO_MODEL, Entry, Gazetteer, RawEntity, Tagger

Key = TypeVar("Key")
ARTICLES_PER_TASK = 8
TASKS_AHEAD = 12  # per worker: enough queued work to cover the main process writing the index

_worker_tagger: Tagger | None = None


def _start_worker(entries: list[Entry], fingerprint: str, model: str | None) -> None:
    global _worker_tagger
    try:
        _worker_tagger = Tagger(Gazetteer(entries, fingerprint), model)
        _worker_tagger.nlp  # noqa: B018 - load now, before the first task
    except Exception:  # noqa: BLE001 - a worker that cannot load spaCy must not be respawned forever
        _worker_tagger = Tagger(Gazetteer(entries, fingerprint), NO_MODEL)


def _tag_task(batch: list[list[str]]) -> list[list[list[RawEntity]]]:
    texts = [text for parts in batch for text in parts]
    tags = list(_worker_tagger.tag(texts, batch_size=64))
    out, i = [], 0
    for parts in batch:
        out.append(tags[i:i + len(parts)])
        i += len(parts)
    return out


class TaggerPool:
    """`processes` workers tagging like `tagger`, fed a few tasks ahead so that none of them waits."""

    def __init__(self, tagger: Tagger, processes: int):
        gaz = tagger.gazetteer
        self.processes = processes
        self._pool = multiprocessing.get_context("spawn").Pool(
            processes, initializer=_start_worker, initargs=(gaz.entries, gaz.fingerprint, tagger.requested))

    def map(self, items: Iterable[tuple[Key, list[str]]]) -> Iterator[tuple[Key, list[list[RawEntity]]]]:
        """(key, texts) in, (key, raw entities of each text) out, in the same order."""
        source = iter(items)
        window: deque = deque()

        def submit() -> bool:
            keys, texts = [], []
            for key, parts in source:
                keys.append(key)
                texts.append(parts)
                if len(keys) == ARTICLES_PER_TASK:
                    break
            if keys:
                window.append((keys, self._pool.apply_async(_tag_task, (texts,))))
            return bool(keys)

        for _ in range(self.processes * TASKS_AHEAD):
            if not submit():
                break
        while window:
            keys, pending = window.popleft()
            tags = pending.get()
            submit()
            yield from zip(keys, tags)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

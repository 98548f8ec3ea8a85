"""The size of each file of the index, recorded when it is committed and checked when it is opened."""

from __future__ import annotations

WRITTEN_SIZES = "press_reader_sizes"


class Sizing:
    """A writer that records, in the table of contents it commits, the size of each file of each segment.

    Whoosh's segment files never change once written, so one that is shorter or longer on disk than
    recorded (cut by a crash or a full disk, emptied, replaced) is damage that opening the index finds
    by a stat of each file, without reading them.
    """

    def _commit_toc(self, segments):
        for segment in segments:
            if not hasattr(segment, WRITTEN_SIZES):
                setattr(
                    segment,
                    WRITTEN_SIZES,
                    {name: self.storage.file_length(name) for name in segment.list_files(self.storage)},
                )
        super()._commit_toc(segments)


def cut_short(ix) -> str | None:
    """Which file of the index is not the size it was written at, if one is not."""
    for segment in ix._segments():
        for name, size in getattr(segment, WRITTEN_SIZES, {}).items():
            try:
                now = ix.storage.file_length(name)
            except OSError:
                return f"{name} is missing"
            if now != size:
                return f"{name} is {now:,} bytes, not the {size:,} written"
    return None

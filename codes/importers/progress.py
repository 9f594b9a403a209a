"""A one-line progress bar for long imports, written to a command's stderr."""

import time
from collections.abc import Iterable, Iterator
from typing import TextIO


class Progress:
    """`total` > 0 draws a bar; 0 (not known in advance, e.g. while a file is parsed)
    counts instead. Without a stream it does nothing, so callers need not check."""

    def __init__(
        self, label: str, total: int, stream: TextIO | None = None, every: float = 0.5
    ) -> None:
        self.label, self.total, self.stream, self.every = label, total, stream, every
        self.done = 0
        self.started = self.shown = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.stream and time.monotonic() - self.shown >= self.every:
            self._show()

    def each[T](self, items: Iterable[T]) -> Iterator[T]:
        """Yield `items`, advancing once per item."""
        if self.stream is None:
            yield from items
            return
        for item in items:
            self.advance()
            yield item

    def finish(self) -> None:
        if self.stream:
            self.done = max(self.done, self.total)
            self._show()
            self.stream.write("\n")

    def _show(self) -> None:
        if self.stream is None:
            return
        self.shown = time.monotonic()
        elapsed = self.shown - self.started
        if self.total > 0:
            share = min(self.done / self.total, 1.0)
            bar = "#" * int(share * 30)
            status = f"[{bar:<30}] {share:4.0%}"
        else:
            status = f"{self.done:>12,} read"
        self.stream.write(f"\r{self.label:<28} {status} {elapsed:5.1f}s")
        self.stream.flush()

"""A one-line progress bar for long imports, written to a command's stderr."""

import time


class Progress:
    def __init__(self, label: str, total: int, stream=None, every: float = 0.5):
        self.label, self.total, self.stream, self.every = label, max(total, 1), stream, every
        self.done = 0
        self.started = self.shown = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.stream and time.monotonic() - self.shown >= self.every:
            self._show()

    def finish(self) -> None:
        if self.stream:
            self.done = max(self.done, self.total)
            self._show()
            self.stream.write("\n")

    def _show(self) -> None:
        self.shown = time.monotonic()
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        elapsed = self.shown - self.started
        self.stream.write(f"\r{self.label:<28} [{bar:<30}] {share:4.0%} {elapsed:5.1f}s")
        self.stream.flush()

"""The one error an importer raises for a bad file: which file, which line, what is wrong."""

from pathlib import Path


class ImportFileError(Exception):
    def __init__(self, path: str | Path, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")

"""Text files as every importer reads them: strictly decoded, one line at a time.

A byte that is not text in the file's encoding, or a control character, is a damaged
or wrong file; storing it would put garbage (NUL, form feeds, C1 codes from a
mis-decoded file) into descriptors. Both stop the import with the file and line.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from .errors import ImportFileError

# Unicode category Cc except tab and the line ending: C0, DEL and C1.
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
CONTROL_OR_TAB = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def read_lines(path: str | Path, encoding: str, *, tabs: bool = False) -> Iterator[str]:
    """Each physical line, decoded, with its line ending kept (csv.reader wants it).

    Line n of the file is the n-th item, so `enumerate(..., start=1)` and
    `csv.reader(...).line_num` both name the physical line. `tabs` allows tab
    characters, for formats that use them (tab-delimited files, CMS preambles).
    """
    control = CONTROL if tabs else CONTROL_OR_TAB
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as error:
                byte, name = raw[error.start], encoding.removesuffix("-sig")
                reason = f"byte 0x{byte:02x} at column {error.start + 1} is not {name} text"
                raise ImportFileError(path, number, reason) from None
            body = line[:-1] if line.endswith("\n") else line
            body = body[:-1] if body.endswith("\r") else body
            if found := control.search(body):
                raise _control(path, number, found)
            yield line


def check_text(path: str | Path, number: int | None, text: str) -> None:
    """Refuse a value read some other way (a workbook cell) holding a control character."""
    if found := CONTROL.search(text):
        raise _control(path, number, found)


def _control(path: str | Path, number: int | None, found: re.Match[str]) -> ImportFileError:
    return ImportFileError(
        path,
        number,
        f"control character U+{ord(found.group()):04X} at column {found.start() + 1}",
    )


def lines_with_numbers(
    path: str | Path, encoding: str, *, tabs: bool = False
) -> Iterator[tuple[int, str]]:
    """(line number, line without its ending) for line-oriented formats."""
    for number, line in enumerate(read_lines(path, encoding, tabs=tabs), start=1):
        yield number, line.rstrip("\r\n")

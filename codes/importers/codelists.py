"""Two-column code lists: CMS `*_codes_YYYY.txt` (fixed width) or code,"description" CSV."""

import csv


class FixedWidthRows:
    """Rows of the CMS layout (code in columns 1-7, description from column 9), with line_num."""

    def __init__(self, stream):
        self.lines, self.line_num = stream, 0

    def __iter__(self):
        for line in self.lines:
            self.line_num += 1
            line = line.rstrip("\r\n")
            yield [line[:7], line[8:]] if line.strip() else []


def code_rows(stream):
    """A reader of [code, description] rows whose `line_num` is the current line."""
    first = stream.readline()
    stream.seek(0)
    if first.startswith('"') or "," in first[:9]:
        return csv.reader(stream)
    return FixedWidthRows(stream)

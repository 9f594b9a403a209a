"""ICD-10-CM tabular XML (CDC `icd10cm_tabular_YYYY.xml`) → catalogue entries.

`parse(path)` streams the XML with SAX, one chapter at a time, and yields `Entry`
records in tabular order: chapter, block, category, subcategory, code, and the
7th-character expansions (S72.001 + A → S72.001A) as their own billable codes.
Billable = a leaf after expansion. No database access here.
"""

import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from xml.sax.expatreader import ExpatLocator
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml
import defusedxml.sax

from ..formats import Kind, System, format_error
from .errors import ImportFileError
from .textfile import lines_with_numbers

# XML note containers → CodeNote kinds
NOTE_CONTAINERS = {
    "inclusionTerm": "inclusion_term",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    "notes": "note",
    "sevenChrNote": "seventh_character_note",
}
OWNERS = {"chapter", "section", "diag"}


@dataclass
class Note:
    kind: str
    text: str
    character: str = ""


@dataclass
class Entry:
    code: str
    kind: str
    description: str
    parent: str | None
    billable: bool = False
    notes: list[Note] = field(default_factory=list)
    seventh: list[Note] = field(default_factory=list)  # 7th-character definitions held here
    children: list["Entry"] = field(default_factory=list)
    line: int = 0


def read_code_list(path: str | Path) -> set[str]:
    """Undotted codes from a CDC code list (one per line) or order file (code at 7-13)."""
    codes = set()
    for number, line in lines_with_numbers(path, "utf-8-sig"):
        if len(line) > 14 and line[:5].strip().isdigit():  # icd10cm_order_YYYY.txt
            line = line[6:13]
        code = line.strip()
        if not code:
            continue
        if " " in code or len(code) > 7:
            raise ImportFileError(path, number, f"not a code: {code[:40]!r}")
        codes.add(code)
    return codes


def parse(path: str | Path, valid_codes: set[str] | None = None) -> Iterator[Entry]:
    """Yield every entry of the tabular, parents before children, in official order.

    `valid_codes` (undotted, from the release's code list) drops 7th-character
    expansions that a tabular note rules out (e.g. S06.1X7 takes A but not D or S).
    """
    handler = _TabularHandler(path, valid_codes)
    parser = defusedxml.sax.make_parser()  # no entity expansion or external fetches
    handler.locator = ExpatLocator(parser)  # feed() does not hand one to the handler
    parser.setContentHandler(handler)
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(1 << 16):
                parser.feed(chunk)
                yield from handler.drain()
            parser.close()
    except xml.sax.SAXParseException as error:
        raise ImportFileError(path, error.getLineNumber(), error.getMessage()) from None
    except defusedxml.DefusedXmlException as error:
        reason = f"XML entity declarations and external references are not allowed ({error})"
        raise ImportFileError(path, handler.line_number(), reason) from None
    yield from handler.drain()
    if handler.chapters == 0:
        raise ImportFileError(path, None, "no <chapter> found: not an ICD-10-CM tabular file")


class _TabularHandler(xml.sax.handler.ContentHandler):
    def __init__(self, path: str | Path, valid_codes: set[str] | None) -> None:
        super().__init__()
        self.path = path
        self.valid_codes = valid_codes
        self.locator: Locator | None = None
        self.stack: list[str] = []  # open element names
        self.owners: list[Entry] = []  # open chapter/section/diag entries
        self.text: list[str] = []
        self.container: str | None = None
        self.extension: str | None = None
        self.ready: list[Entry] = []
        self.chapters = 0
        # <visualImpairment> (H54.8): caption, column headings and rows, as the XML has them
        self.table: list[list[str]] | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def fail(self, reason: str) -> NoReturn:
        raise ImportFileError(self.path, self.line_number() or None, reason)

    def drain(self) -> list[Entry]:
        ready, self.ready = self.ready, []
        return ready

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        parent_tag = self.stack[-1] if self.stack else None
        self.stack.append(name)
        self.text = []
        if name in OWNERS:
            parent = self.owners[-1] if self.owners else None
            if name == "diag" and parent is None:
                self.fail("<diag> outside a chapter")
            kind = {"chapter": Kind.CHAPTER, "section": Kind.BLOCK, "diag": Kind.CODE}[name]
            entry = Entry(code="", kind=kind, description="", parent=None, line=self.line_number())
            if name == "section":
                # <section id="A00-A09">; a one-category block is id="B10" → "B10-B10",
                # so it never collides with category B10.
                block = attrs.get("id", "")
                if not block:
                    self.fail("<section> without an id")
                entry.code = block if "-" in block else f"{block}-{block}"
            if parent is not None:
                parent.children.append(entry)
            self.owners.append(entry)
        elif name in NOTE_CONTAINERS and parent_tag in OWNERS:
            self.container = NOTE_CONTAINERS[name]
        elif name == "visualImpairment":
            self.table = []
        elif name == "visRange" and self.table is not None:
            category = "" if parent_tag != "visCategory" or self._ranged() else self._category()
            self.table.append([category, "", "", ""])  # category, heading, maximum, minimum
        elif name == "visCategory" and self.table is not None:
            self._category_value = ""
            self._category_rows = len(self.table)
        elif name == "extension" and parent_tag == "sevenChrDef":
            self.extension = attrs.get("char", "")
            if len(self.extension) != 1:
                self.fail("<extension> needs a one-character 'char' attribute")

    def characters(self, content: str) -> None:
        self.text.append(content)

    def _category(self) -> str:
        return getattr(self, "_category_value", "")

    def _ranged(self) -> bool:
        """Has the open <visCategory> had a <visRange> already (its value shown once)?"""
        return self.table is not None and len(self.table) > getattr(self, "_category_rows", 0)

    def endElement(self, name: str) -> None:
        self.stack.pop()
        raw = "".join(self.text)
        text = " ".join(raw.split())
        self.text = []
        parent_tag = self.stack[-1] if self.stack else None
        owner = self.owners[-1] if self.owners else None
        if name == "name" and parent_tag in ("diag", "chapter") and owner is not None:
            owner.code = text
        elif name == "desc" and parent_tag in OWNERS and owner is not None:
            owner.description = text
        elif name == "note" and owner is not None:
            # Notes keep the source's text (its double spaces too), ends trimmed.
            if parent_tag == "sevenChrDef":
                # A note among the 7th-character definitions is a note of that table,
                # not part of the meaning of the character before it.
                owner.notes.append(Note("seventh_character_note", raw.strip()))
            elif self.container and parent_tag in NOTE_CONTAINERS:
                owner.notes.append(Note(self.container, raw.strip()))
        elif self.table is not None and name in ("heading", "value"):
            self._table_cell(parent_tag, text)
        elif name == "visualImpairment" and owner is not None and self.table is not None:
            owner.notes.append(Note("table", _table_text(self.table)))
            self.table = None
        elif name == "extension" and self.extension and owner is not None:
            owner.seventh.append(Note("seventh_character", text, self.extension))
            self.extension = None
        elif name in NOTE_CONTAINERS and parent_tag in OWNERS:
            self.container = None
        elif name == "section" and owner is not None:
            self.owners.pop()
        elif name == "diag" and owner is not None:
            if not owner.code:
                self.fail("<diag> without a <name>")
            if error := format_error(System.ICD10CM, Kind.CODE, owner.code):
                self.fail(error)
            self.owners.pop()
        elif name == "chapter" and owner is not None:
            self.owners.pop()
            self.chapters += 1
            self.ready.extend(_flatten_chapter(owner, self.path, self.valid_codes))

    def _table_cell(self, parent_tag: str | None, text: str) -> None:
        """A <heading> or <value> of the visual impairment table into its row."""
        table = self.table
        if table is None:
            return
        if parent_tag == "visCategory":
            self._category_value = text
            if table and len(table) > self._category_rows:  # ranges came first: fill in
                table[self._category_rows][0] = text
        elif parent_tag == "visRange" and table:
            table[-1][1] = text
        elif parent_tag in ("visMax", "visMin") and table:
            table[-1][2 if parent_tag == "visMax" else 3] = text

    def line_number(self) -> int:
        line = self.locator.getLineNumber() if self.locator else None
        return line or 0


def _table_text(rows: list[list[str]]) -> str:
    """The table as the page shows it: a caption line (the range heading), then one
    tab-separated line per row; the first row holds the column headings."""
    caption = next((row[1] for row in rows if row[1]), "")
    return "\n".join([caption, *("\t".join([row[0], row[2], row[3]]) for row in rows)])


def _flatten_chapter(
    chapter: Entry, path: str | Path, valid_codes: set[str] | None
) -> Iterator[Entry]:
    """Name chapters and blocks by range, expand 7th characters, mark leaves billable."""
    blocks = [child for child in chapter.children if child.kind == Kind.BLOCK]
    if not chapter.description or not blocks:
        raise ImportFileError(path, chapter.line, f"chapter {chapter.code or '?'} has no blocks")
    chapter.code = _range_of(chapter.description) or _span(blocks[0], blocks[-1])
    chapter.children = _nest_blocks(chapter.children)
    yield from _walk(chapter, None, [], valid_codes)


def _walk(
    entry: Entry, parent: str | None, inherited: list[Note], valid_codes: set[str] | None
) -> Iterator[Entry]:
    entry.parent = parent
    seventh = entry.seventh or inherited
    if entry.kind == Kind.CODE:
        if "." not in entry.code:
            entry.kind = Kind.CATEGORY
        if not entry.children and seventh and len(entry.code) < 8:
            entry.children = _expansions(entry, seventh, valid_codes)
        if entry.children and entry.kind == Kind.CODE:
            entry.kind = Kind.SUBCATEGORY
        entry.billable = not entry.children
    entry.notes.extend(entry.seventh)
    yield entry
    for child in entry.children:
        yield from _walk(child, entry.code, seventh, valid_codes)


def _nest_blocks(blocks: list[Entry]) -> list[Entry]:
    """The tabular lists blocks flat; a block whose range holds the next ones is their parent.

    E.g. C00-C96 (malignant neoplasms) holds C00-C75, which holds C00-C14.
    """
    top: list[Entry] = []
    open_blocks: list[Entry] = []
    for block in blocks:
        first, last = block.code.split("-")
        while open_blocks and not _contains(open_blocks[-1], first, last):
            open_blocks.pop()
        (open_blocks[-1].children if open_blocks else top).append(block)
        open_blocks.append(block)
    return top


def _contains(block: Entry, first: str, last: str) -> bool:
    low, high = block.code.split("-")
    return low <= first and last <= high and (low, high) != (first, last)


def _expansions(entry: Entry, definitions: list[Note], valid_codes: set[str] | None) -> list[Entry]:
    """S72.001 + A → S72.001A; short codes are padded with the placeholder X (S02.0 → S02.0XXA)."""
    base = entry.code if "." in entry.code else entry.code + "."
    base = base.ljust(7, "X")  # 3 characters, the dot, 3 more
    if valid_codes is not None:
        undotted = base.replace(".", "")
        definitions = [d for d in definitions if undotted + d.character in valid_codes]
    return [
        Entry(
            code=base + definition.character,
            kind=Kind.CODE,
            description=f"{entry.description}, {definition.text.splitlines()[0]}",
            parent=entry.code,
            line=entry.line,
        )
        for definition in definitions
    ]


def _range_of(description: str) -> str | None:
    """'Neoplasms (C00-D49)' → 'C00-D49'."""
    if description.endswith(")") and "(" in description:
        candidate = description.rsplit("(", 1)[1][:-1]
        if "-" in candidate:
            return candidate
    return None


def _span(first: Entry, last: Entry) -> str:
    return f"{first.code.split('-')[0]}-{last.code.split('-')[-1]}"

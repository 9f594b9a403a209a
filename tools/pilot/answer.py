"""What CasePilot returns: a short sentence, the facts, the pages they came from.

Every fact carries the release it came from; every citation is a link to one of our
pages (with the block's anchor) or, where no page shows the fact, the release alone.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from codes.models import Code

CANNOT = "I can't answer that from our data."
# The page block each anchor names, so two citations of one page read apart.
BLOCKS = {
    "official-h": "official description",
    "addon-h": "add-on code",
    "addons-h": "its add-on codes",
    "mods-h": "modifiers",
    "pfs-1": "fee schedule",
    "hcpcs-h": "HCPCS file data",
    "class-h": "payment systems and edits",
    "notes-h": "instructional notes",
    "facts-h": "coding facts",
    "ccx-h": "CC exclusions",
    "history-h": "history",
    "xwalk-h": "crosswalks",
    "children-h": "codes under it",
    "asof-h": "as it stood on the date",
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    release: str = ""


@dataclass(frozen=True)
class Citation:
    label: str
    url: str  # "" when no page of ours shows the fact
    release: str = ""


@dataclass
class Answer:
    text: str
    intent: str
    facts: list[Fact] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the codes the answer asserts
    verdict: str | None = None  # "yes" / "no" for yes-or-no questions
    declined: bool = False
    suggestions: list[str] = field(default_factory=list)  # follow-up questions
    searches: list[Citation] = field(default_factory=list)  # nearest searches (declines)
    used_model: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "answer": self.text,
            "intent": self.intent,
            "verdict": self.verdict,
            "declined": self.declined,
            "codes": self.codes,
            "facts": [vars(fact) for fact in self.facts],
            "citations": [vars(citation) for citation in self.citations],
            "suggestions": self.suggestions,
            "searches": [vars(search) for search in self.searches],
            "used_model": self.used_model,
        }


def release_of(code: Code) -> str:
    return code.release.name if code.release_id and code.release else ""


def cite(code: Code, anchor: str = "", label: str = "", query: str = "") -> Citation:
    """A link to `code`'s page, at the block `anchor` names (#addon-h, #notes-h …)."""
    url = (
        code.get_absolute_url() + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
    )
    block = f" · {BLOCKS[anchor]}" if anchor in BLOCKS else ""
    return Citation(label or f"{code.code} – {code.title}{block}", url, release_of(code))


def search_link(words: str) -> Citation:
    return Citation(f"Search: {words}", "/search/?" + urlencode({"q": words}))


def decline(intent: str, reason: str = "", near: list[str] | None = None) -> Answer:
    """The honest answer: we cannot say, why, and where a search might help."""
    text = f"{CANNOT} {reason}".strip()
    searches = [search_link(words) for words in dict.fromkeys(near or []) if words][:4]
    return Answer(text, intent, declined=True, searches=searches)

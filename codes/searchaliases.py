"""Whole-term names of codes, the way the ICD-10-CM Index reads: what a bare term means.

A coder who looks up "asthma" lands on the code the Index gives the unqualified term.
The tabular says the same thing in its own words, and this module reads them:

- an inclusion term ending in NOS ("Asthma NOS", "Diabetes NOS") names the code a term
  goes to when nothing more is said (weight NOS);
- a title whose other parts are only "unspecified", "site not specified" or
  "uncomplicated" ("Heart failure, unspecified") names the term's default (UNSPECIFIED);
- a title or inclusion term otherwise names its code exactly (TITLE, INCLUSION).
Words in parentheses are nonessential modifiers: the term is named with and without them.
A name given to a heading (E11 "Diabetes NOS") passes to its default billable code, the
one a coder picks when nothing more is known: the unspecified or uncomplicated child, the
initial encounter (7th character A), down to a billable code.

Names are keyed by `key()`: the set of word stems, sorted, so "femur fracture" and
"fracture of femur" meet. search() looks the query's key up in one indexed query.
"""

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from . import vocabulary
from .searchwords import STOP_WORDS

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Code

INDEX = 110  # codes.vocabulary.INDEX_DEFAULTS: the Index's own default for a term
NOS = 100
UNSPECIFIED = 80
TITLE = 60
INCLUSION = 50
INHERITED = 5  # a heading's name on its default code weighs this much less
MAX_KEY = 200

WORD = re.compile(r"[a-z0-9]+")
PARENS = re.compile(r"\([^()]*\)")
# Later parts of a title that only say "nothing more is known" (the first part never is).
DEFAULT_PARTS = re.compile(
    r"^(?:unspecified(?: \w+){0,2}|\w+ unspecified|(?:\w+ )?not specified|not otherwise "
    r"specified|nos|uncomplicated|without .*|initial encounter(?: for closed fracture)?)$"
)
DEFAULT_WORDS = ("unspecified", "without complication", "uncomplicated", "not specified", "nos")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, shared stem: plural and a few endings off, so both sides meet."""
    for ending, keep in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if (
            word.endswith(ending)
            and len(word) > len(ending) + 3
            and not word.endswith(("ss", "us", "is", "ys"))
        ):
            return word[: -len(ending)] + keep
    return word


def key(words: Iterable[str]) -> str:
    """The lookup key of a term: its stems without stop words, as a sorted set. "without"
    stays: "migraine without aura" is not a name of "migraine with aura"."""
    stems = {stem(w) for w in words if (w not in STOP_WORDS or w == "without") and w != "nos"}
    return " ".join(sorted(stems))[:MAX_KEY]


def text_keys(text: str) -> set[str]:
    """Keys of a term with its parenthesised words left out, and kept in; a term that
    explains itself after a colon ("Bilateral procedure: …") is also named by its head."""
    lowered = text.lower()
    bare = PARENS.sub(" ", lowered)
    keys = {key(WORD.findall(bare)), key(WORD.findall(lowered.replace("(", " ")))}
    if ":" in bare:
        keys.add(key(WORD.findall(bare.split(":")[0])))
    return {k for k in keys if k}


def default_keys(title: str) -> set[str]:
    """The title's keys once parts that only say "unspecified" are taken off, if any were."""
    lowered = PARENS.sub(" ", title.lower())
    parts = [part.strip() for part in lowered.split(",")]
    kept = parts[:1] + [part for part in parts[1:] if not DEFAULT_PARTS.match(part)]
    words = [w for w in WORD.findall(" ".join(kept)) if w != "unspecified"]
    if len(kept) == len(parts) and len(words) == len(WORD.findall(" ".join(kept))):
        return set()  # nothing said "unspecified": not a default title
    found = key(words)
    return {found} if found else set()


class Name(NamedTuple):
    key: str
    code_id: int
    weight: int


class Node(NamedTuple):
    """What naming needs of one code."""

    id: int
    code: str
    parent_id: int | None
    billable: bool
    title: str


def names(nodes: list[Node], terms: dict[int, list[str]]) -> Iterator[Name]:
    """Every (key, code, weight) of these codes; `terms` holds each code's inclusion terms.

    A key named twice for one code keeps its highest weight."""
    children: dict[int, list[Node]] = {}
    for node in nodes:
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node)
    best: dict[tuple[str, int], int] = {}
    chosen: dict[int, Node | None] = {}

    def give(keys: set[str], node: Node, weight: int) -> None:
        if not keys:
            return
        if node.billable:
            target: Node | None = node
        else:
            if node.id not in chosen:
                chosen[node.id] = default_code(node, children)
            target = chosen[node.id]
        if target is None:
            return
        if target is not node:
            weight -= INHERITED
        for found in keys:
            if best.get((found, target.id), -1) < weight:
                best[(found, target.id)] = weight

    for node in nodes:
        defaults = default_keys(node.title)
        give(defaults, node, UNSPECIFIED)
        give(text_keys(node.title) - defaults, node, TITLE)
        for text in terms.get(node.id, ()):
            stripped = text.strip().rstrip(".")
            if re.search(r"\bNOS$", stripped):
                give(text_keys(stripped[:-3]), node, NOS)
            else:
                give(text_keys(stripped), node, INCLUSION)
    for (found, code_id), weight in best.items():
        yield Name(found, code_id, weight)


def default_code(node: Node, children: dict[int, list[Node]]) -> Node | None:
    """The billable code a heading stands for when nothing more is said, or None. A code
    with nothing below it stands for itself (a modifier is never billable alone)."""
    for _depth in range(6):
        below = children.get(node.id)
        if not below:
            return node
        node = max(below, key=_default_score)
        if node.billable:
            return node
    return None


def _default_score(node: Node) -> tuple[int, int, str]:
    title = node.title.lower()
    said = sum(word in title for word in DEFAULT_WORDS)
    said += title.count(" without ") - title.count(" with ")  # the default lacks extras
    seventh = 0
    if len(node.code) == 8 and node.code[3] == ".":  # a 7th character: initial encounter
        seventh = {"A": 2, "B": 0}.get(node.code[-1], -1)
    sided = any(side in title for side in ("right", "left", "bilateral"))
    last = node.code[-1]
    return (said + seventh - sided, last in "9Z", node.code)


# Stored names (SearchName), kept in step by searchindex.sync() and refresh_code()

NAMED_SYSTEMS = ("icd10cm", "hcpcs", "cpt", "modifier")  # PCS titles are built, not named


def _nodes(codes: "QuerySet[Code]") -> tuple[list[Node], dict[int, list[str]]]:
    from .models import Code, CodeNote

    nodes = []
    rows = codes.values_list(
        "id", "code", "parent_id", "billable", "long_description", "medium_description",
        "short_description", "plain_description", "system", "status",
    )  # fmt: skip
    for pk, code, parent, billable, long, medium, short, plain, system, status in rows:
        if "-" in code:  # chapters and blocks name no code
            continue
        if system == "cpt":
            title = short or medium or long or plain
        else:
            title = long or medium or short or plain
        active = status == Code.Status.ACTIVE
        nodes.append(Node(pk, code, parent, billable and active, title))
    terms: dict[int, list[str]] = {}
    kinds = (CodeNote.Kind.INCLUSION_TERM, CodeNote.Kind.INCLUDES)
    notes = CodeNote.objects.filter(code__in=codes, kind__in=kinds)
    for code_id, text in notes.values_list("code_id", "text"):
        terms.setdefault(code_id, []).append(text)
    return nodes, terms


def sync_names(codes: "QuerySet[Code] | None" = None) -> dict[str, int]:
    """Store the names of `codes` (default: every named code set), writing differences."""
    from .importers.upsert import insert_rows
    from .models import Code, SearchName

    if codes is None:
        codes = Code.objects.filter(system__in=NAMED_SYSTEMS)
    nodes, terms = _nodes(codes)
    wanted = {(n.key, n.code_id): n.weight for n in names(nodes, terms)}
    by_code = {node.code: node.id for node in nodes}
    for term, code in vocabulary.INDEX_DEFAULTS.items():
        if code in by_code:
            wanted[(key(WORD.findall(term)), by_code[code])] = INDEX
    stored_rows = SearchName.objects.filter(code__in=codes).values_list(
        "id", "key", "code_id", "weight"
    )
    stored = {(k, c): (pk, w) for pk, k, c, w in stored_rows}
    gone = [pk for pair, (pk, w) in stored.items() if wanted.get(pair) != w]
    create = [(k, c, w) for (k, c), w in wanted.items() if stored.get((k, c), (0, -1))[1] != w]
    for start in range(0, len(gone), 900):
        SearchName.objects.filter(pk__in=gone[start : start + 900]).delete()
    insert_rows(SearchName, ["key", "code_id", "weight"], create, 5000)
    return {"search names written": len(create), "search names removed": len(gone)}


def refresh_names(code: "Code") -> None:
    """After one code's edit: its category's names again (names pass down a category)."""
    from .models import Code

    if code.system not in NAMED_SYSTEMS:
        return
    stem_code = code.code[:3] if code.system == "icd10cm" else code.code
    family = Code.objects.filter(system=code.system, code__startswith=stem_code)
    sync_names(family | Code.objects.filter(pk=code.pk))

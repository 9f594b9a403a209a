"""Which of our functions answers a question: intent recognition by rules, in order.

Nothing here writes an answer in free text: each intent calls a function over our
catalogue (search, the claim check, as-of dates, value sets, CMS tables) and a question
no rule maps is declined with the nearest searches.
"""

import re

from codes.formats import System

from . import indicators, inpatient, lookup, pairs, pcs, timeline
from .answer import Answer, decline
from .question import Question, parse
from .scope import out_of_scope

FOLLOW_UP = re.compile(r"\b(it|its|it's|this|that|same|the code|this code|that code)\b", re.I)
HISTORY = (
    r"replac|\binstead\b|what do i use|\badded\b|\badd date\b|\bnew in\b|first appear|"
    r"since when|come in|happen|terminat|\bdeleted\b|last day|still (a )?valid|anymore|"
    r"\bchange[ds]?\b|when was|when did|\bexist"
)
TOGETHER = (
    r"together|same (claim|visit|day|line)|\bboth\b|\bplus\b|\+|only diagnosis|by itself|"
    r"paid separately|\bwith\b|\bwithout\b|\balongside\b|\balone\b|on one line"
)
GUIDELINE = (
    r"guideline|\bdo i code\b|one (pcs )?code or two|how (are|is|do) .{0,40} coded|"
    r"when is .{0,40} coded|\bcoded in (icd-?10-?)?pcs"
)
SMALL_TALK = frozenset(
    "hi hello hey thanks thank you ok okay bye good morning afternoon evening yes no cool".split()  # noqa: SIM905
)
# A question about a term ("what does excludes1 mean", "tell me about sepsis") rather
# than a request for a code: declined, not searched.
ASKS_ABOUT_A_TERM = r"^\s*(what|how|why|who|where|tell|explain|define)\b"
ASKS_FOR_A_CODE = r"\bcodes?\b|\bcpt\b|\bhcpcs\b|\bicd|\bpcs\b|\bmodifiers?\b|\bdx\b|\bwhich\b"
MODIFIER_LIST = (
    r"\b(which|what) modifiers?\b|modifiers (for|apply|go|work)|\bmodifiers\??$|"
    r"take an? modifier|modifiers can"
)
GEM = r"\bicd-?\s?9\b|\bgems?\b|^\s*\d{2}\.\d{1,2}\b|\b\d{2}\.\d{1,2}\b.*\bpcs\b"


def answer(text: str, history: list[str] | None = None) -> Answer:
    question = parse(text)
    why = out_of_scope(question.text)
    if why:
        return decline("out_of_scope", why, _near(question))
    if not question.codes and not question.modifiers and history and FOLLOW_UP.search(text):
        _inherit(question, history)
    return _route(question)


def _route(question: Question) -> Answer:
    has = question.has
    known, absent = question.known, question.absent
    modifiers = [m.code for m in question.modifiers if m.code is not None]
    if has(r"\bm?s?-?drg\b"):
        return inpatient.drg(question)
    if has(GEM) and not known:
        return pcs.gem(question)
    if has(r"\bncci\b|\bptp\b"):
        return pairs.together(question)
    named_modifiers = question.modifiers
    if absent and not known and not (named_modifiers and has(TOGETHER)):
        what = absent[0]
        return decline("unknown", f"{what} is not a code in our data.", _near(question))
    if has(GUIDELINE):
        return pcs.guideline(question)
    if not known and not modifiers:
        return _without_codes(question)
    if not known:  # modifiers only: the questions about one code apply to them
        question.codes, question.modifiers = question.modifiers, []
        known, modifiers, named_modifiers = question.known, [], []
    first = known[0]
    if question.day is not None:
        return timeline.valid_on(question)
    if has(r"\bm?cc\b|severity") and first.system == System.ICD10CM:
        return inpatient.cc_mcc(question)
    if has(HISTORY):
        return timeline.history(question)
    if indicators.scheme_of(question) and not has(r"\bpaid separately\b|\bbilled?\b"):
        return indicators.indicator(question)
    about_a_modifier = first.system == System.MODIFIER
    if has(MODIFIER_LIST) and not named_modifiers and not about_a_modifier:
        return lookup.modifiers_for(question)
    if has(r"add[- ]?on|\bprimary\b") and not _pair(question):
        return lookup.addon(question)
    together_words = has(TOGETHER) or has(r"only diagnosis|by itself|alone")
    if _pair(question) or (named_modifiers and together_words) or has(r"only diagnosis|by itself"):
        return pairs.together(question)
    if has(r"modifi?e?rs?\b|modifer") and not about_a_modifier:
        return lookup.modifiers_for(question)
    return lookup.what_is(question)


def _pair(question: Question) -> bool:
    """Two codes (or one with units or an excluded one) asked about together."""
    distinct = {code.code for code in question.known}
    return (len(distinct) >= 2 or bool(question.units) or bool(question.negated)) and bool(
        re.search(TOGETHER, question.lower) or question.units
    )


def _without_codes(question: Question) -> Answer:
    said = set(re.findall(r"[a-z]+", question.lower))
    if said <= SMALL_TALK:
        return decline(
            "small_talk", "Ask me about a code: for example “is E11.9 a CC” or “what is 97546”."
        )
    name = pcs.root_operation_named(question)
    if name and question.has(r"root|\bpcs\b|operation|defin|mean"):
        return pcs.root_operation(question, name)
    if question.has(r"\bapproach\b"):
        found = pcs.approach(question)
        if found is not None:
            return found
    if indicators.scheme_of(question) and question.has(r"mean|what|\?|indicator|status|global"):
        found_value = indicators.indicator(question)
        if found_value.facts:
            return found_value
    if question.has(ASKS_ABOUT_A_TERM) and not question.has(ASKS_FOR_A_CODE):
        words, _systems = lookup.words_of(question)
        return decline(
            "code_for_words",
            "I answer questions about codes and their data, not about terms or rules.",
            [words],
        )
    return lookup.code_for_words(question)


def _inherit(question: Question, history: list[str]) -> None:
    """A follow-up ("is it a CC?") is about the last code the conversation named."""
    for earlier in reversed(history[-6:]):
        before = parse(earlier)
        if before.known:
            question.codes = [before.codes[[n.code for n in before.codes].index(before.known[0])]]
            return


def _near(question: Question) -> list[str]:
    """Searches that might help instead: the codes typed, then the question's words."""
    words, _systems = lookup.words_of(question)
    near = [named.typed[:-1] if len(named.typed) > 3 else named.typed for named in question.codes]
    return [*near, words][:3]

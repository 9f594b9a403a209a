"""The evaluation set on disk and the engine's figures on it, for the floor test and
bench/redact.py alike."""

from pathlib import Path

from . import engine, scoring

SET = Path(__file__).resolve().parents[2] / "tests" / "eval" / "phi"
PARTS = ("dev", "heldout")


def notes(part: str | None = None) -> list[scoring.Note]:
    """The annotated notes of one part, or of both."""
    parts = [part] if part else list(PARTS)
    return [note for name in parts for note in scoring.load(SET / name)]


def measure(notes: list[scoring.Note], model: str = engine.MODELS[0]) -> scoring.Tally:
    """Score the engine on `notes` (no catalogue: the notes' codes are not PHI anyway)."""
    found = engine.get(model)

    def predict(text: str) -> list[scoring.Span]:
        return [(f.start, f.end, f.category.value) for f in found.find(text)]

    return scoring.score(notes, predict)

"""One check for Case2Code's sentence tests: the codes a text gives, as sets (None: that
side is not checked)."""

from tools.case2code import suggest


def check(text: str, diagnoses: set[str] | None, procedures: set[str] | None) -> None:
    result = suggest(text)
    if diagnoses is not None:
        assert {d.code for d in result.diagnoses} == diagnoses, text
    if procedures is not None:
        assert {p.code for p in result.procedures} == procedures, text

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from tools.phi import Style

STYLE_CHOICES = [
    (Style.TAGS.value, "Category tags ([NAME], [DATE] …)"),
    (Style.SURROGATES.value, "Consistent surrogates (fake names, dates shifted together)"),
    (Style.MASK.value, "Masking (█ for every character)"),
]
TOO_LONG = "too_long"


class RedactForm(forms.Form):
    """Pasted text or a .txt file, and the output style. Text over the limit is an
    error with code `too_long`, which the view answers with 413."""

    text = forms.CharField(
        required=False,
        strip=False,
        label="Text",
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
    )
    file = forms.FileField(
        required=False,
        label="Or a .txt file",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    style = forms.ChoiceField(
        choices=STYLE_CHOICES, initial=Style.TAGS.value, widget=forms.RadioSelect
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data.get("file")
        if not upload:
            return ""
        if not upload.name.lower().endswith(".txt"):
            raise ValidationError("Upload a plain-text file whose name ends in .txt.")
        limit = settings.TOOLS_MAX_CHARS
        raw = upload.read(limit * 4 + 4)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("The file is not UTF-8 text.") from None
        return self._within_limit(text)

    def clean_text(self) -> str:
        return self._within_limit(self.cleaned_data.get("text") or "")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not self.errors and not (data.get("text") or data.get("file")):
            raise ValidationError("Paste some text or choose a .txt file.")
        return data

    @property
    def too_long(self) -> bool:
        return any(e.code == TOO_LONG for errors in self.errors.as_data().values() for e in errors)

    def submitted(self) -> str:
        return str(self.cleaned_data.get("file") or self.cleaned_data.get("text") or "")

    def _within_limit(self, text: str) -> str:
        limit = settings.TOOLS_MAX_CHARS
        if len(text) > limit:
            raise ValidationError(
                f"The text has {len(text):,} characters; RedactPHI takes up to {limit:,} at "
                "a time. Split it and redact each part.",
                code=TOO_LONG,
            )
        return text


SETTING_CHOICES = [
    ("outpatient", "Outpatient (uncertain diagnoses are not coded)"),
    ("inpatient", "Inpatient (uncertain diagnoses at discharge are coded as if established)"),
]


class DetectForm(forms.Form):
    """DetectICD10CM's pasted note and care setting. Text over the limit is an error
    with code `too_long` (the view answers 413). No `required` attribute: the page's
    script and the server say what is missing, in the page's own words."""

    use_required_attribute = False

    text = forms.CharField(
        strip=False,
        label="Clinical text",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        error_messages={"required": "Paste some clinical text."},
    )
    setting = forms.ChoiceField(
        choices=SETTING_CHOICES, initial="outpatient", required=False, widget=forms.RadioSelect
    )

    def clean_setting(self) -> str:
        return str(self.cleaned_data.get("setting") or "outpatient")  # the default setting

    def clean_text(self) -> str:
        text = str(self.cleaned_data.get("text") or "")
        if not text.strip():
            raise ValidationError("Paste some clinical text.")
        limit = settings.TOOLS_MAX_CHARS
        if len(text) > limit:
            raise ValidationError(
                f"The text has {len(text):,} characters; DetectICD10CM takes up to {limit:,} "
                "at a time. Split it and run each part.",
                code=TOO_LONG,
            )
        return text

    @property
    def too_long(self) -> bool:
        return any(e.code == TOO_LONG for errors in self.errors.as_data().values() for e in errors)

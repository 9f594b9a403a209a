"""Small text filters for page metadata."""

from django import template

register = template.Library()


@register.filter
def sentence(text: str) -> str:
    """The text without its final full stop or ellipsis, so a template can end the
    sentence itself ("…NOS." not "…NOS..")."""
    return str(text).rstrip().rstrip(".…").rstrip()

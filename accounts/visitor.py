"""What a visitor sees around a cached code page: the one place that decides it.

`respond(request, entry)` turns a cached page into this visitor's response: the full
page with their navigation, flash messages and allowance banner, or the gate. Pages
and gates are rendered once per process and carry markers for the visitor's parts;
each part here costs a string replacement, not a template render, because it runs on
every page view.
"""

import functools

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers

from codes import pagecache, structured
from codes.formats import System

from . import allowance
from .crawlers import is_verified_crawler

CSRF_MARK = "\x00csrf\x00"  # stands for this visitor's CSRF token in the member nav


def respond(request: HttpRequest, entry: pagecache.CachedPage) -> HttpResponse:
    """The full page, or the gate when this visitor's allowance is spent."""
    if not (entry.metered and settings.ALLOWANCE_ENABLED):
        return _full(request, entry)
    if is_verified_crawler(request):
        response = _full(request, entry)  # indexed as members see it; nothing unlocked
        patch_cache_control(response, private=True)
        return response
    if request.method == "HEAD":  # a HEAD request never spends a view
        decision = allowance.peek(request, entry.code_id)
    else:
        decision = allowance.visit(request, entry.code_id)
    if not decision.allowed:
        return gate(request, entry, decision)
    response = _full(request, entry, banner(decision))
    patch_cache_control(response, private=True)  # never in a shared cache
    patch_vary_headers(response, ["Cookie"])
    allowance.remember_guest(request, response)
    return response


def _full(request: HttpRequest, entry: pagecache.CachedPage, banner: str = "") -> HttpResponse:
    return page(request, entry.html, banner)


def page(request: HttpRequest, html: str, banner: str = "") -> HttpResponse:
    """A page rendered for everyone, with this visitor's navigation and messages."""
    return HttpResponse(pagecache.fill(html, nav(request), banner, messages(request)))


def gate(
    request: HttpRequest, entry: pagecache.CachedPage, decision: allowance.Decision
) -> HttpResponse:
    """The code and its public title, and how to see more: none of the gated page.
    Indexable, with paywall markup, so search engines keep the code's public part."""
    host = request.get_host()
    key = pagecache.key(host, "gate", entry.system, entry.code, _variant(decision))
    html = pagecache.get_fragment(key)
    if html is None:
        url = f"{request.scheme}://{host}{entry.url}"
        context = {
            "entry": entry,
            "decision": decision,
            "label": System(entry.system).label,
            "canonical": url,
            "structured_data": structured.page_data(
                entry.system, entry.code, entry.title, url, metered=True
            ),
            "member_extra": settings.ALLOWANCE_MEMBER_LIMIT - settings.ALLOWANCE_GUEST_LIMIT,
            "cacheable": True,
        }
        html = render_to_string("codes/gate.html", context)
        pagecache.put_fragment(key, html)
    response = HttpResponse(pagecache.fill(html, nav(request), "", messages(request)))
    patch_cache_control(response, private=True, no_store=True)
    allowance.remember_guest(request, response)
    return response


def _variant(decision: allowance.Decision) -> str:
    resets = decision.resets_at.date().isoformat() if decision.resets_at else ""
    return f"{int(decision.guest)}{int(decision.unverified)}:{decision.limit}:{resets}"


def banner(decision: allowance.Decision) -> str:
    """The banner depends on a few values only: each variant is rendered once per process."""
    return _banner(
        decision.unlimited,
        decision.guest,
        decision.unverified,
        decision.remaining,
        decision.limit,
        decision.resets_at,
    )


@functools.lru_cache(maxsize=512)
def _banner(
    unlimited: bool,
    guest: bool,
    unverified: bool,
    remaining: int,
    limit: int,
    resets_at: object,
) -> str:
    decision = allowance.Decision(
        True,
        unlimited=unlimited,
        guest=guest,
        unverified=unverified,
        used=limit - remaining,
        limit=limit,
        resets_at=resets_at,  # type: ignore[arg-type]
    )
    extra = settings.ALLOWANCE_MEMBER_LIMIT - settings.ALLOWANCE_GUEST_LIMIT
    context = {"decision": decision, "member_extra": extra}
    return render_to_string("partials/_allowance_banner.html", context)


def nav(request: HttpRequest) -> str:
    """Account links: every guest sees the same; a member's carry a logout form whose
    CSRF token is theirs, put into a nav rendered once per process."""
    user = request.user
    if not user.is_authenticated:
        return _nav(False, False)
    return _nav(True, bool(getattr(user, "is_staff", False))).replace(CSRF_MARK, get_token(request))


@functools.cache
def _nav(member: bool, staff: bool) -> str:
    user = _NavUser(staff) if member else AnonymousUser()
    return render_to_string("partials/_account_nav.html", {"user": user, "csrf_token": CSRF_MARK})


class _NavUser:
    is_authenticated = True

    def __init__(self, staff: bool) -> None:
        self.is_staff = staff


def messages(request: HttpRequest) -> str:
    """This visitor's flash messages ("Successfully signed in"), shown on the next page
    rendered, cached or not; reading them marks them shown."""
    stored = list(get_messages(request))
    if not stored:
        return ""
    return render_to_string("partials/_messages.html", {"messages": stored})

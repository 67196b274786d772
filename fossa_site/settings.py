"""Settings, read from the environment (and from `.env` when it exists).

Every variable is listed in `.env.example`. With none set, the product runs
on its embedded defaults: SQLite in `data/`, django-q2 on its ORM broker, and
WorkFossa at its real address.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from fossa_site import env as secret_env

BASE_DIR = Path(__file__).resolve().parent.parent

env = secret_env.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in ("development", "production"):
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}."
    )
DEVELOPMENT = DJANGO_ENV == "development"

DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_env.required(
    env,
    "SECRET_KEY",
    development=DEVELOPMENT,
    data_dir=DATA_DIR,
    make=secret_env.new_secret_key,
)
if not DEVELOPMENT:
    secret_env.check_secret_key(SECRET_KEY)
CREDENTIAL_ENCRYPTION_KEYS = secret_env.parse_fernet_keys(
    "CREDENTIAL_ENCRYPTION_KEYS",
    secret_env.required(
        env,
        "CREDENTIAL_ENCRYPTION_KEYS",
        development=DEVELOPMENT,
        data_dir=DATA_DIR,
        make=secret_env.new_fernet_key,
    ),
)

DEBUG = env.bool("DEBUG", default=DEVELOPMENT)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEVELOPMENT else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_q",
    "accounts",
    "workorders",
    "scraping",
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
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "fossa_site.urls"
WSGI_APPLICATION = "fossa_site.wsgi.application"

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
                "fossa_site.context_processors.sync_status",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'fossa.sqlite3'}"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web app and the sync workers write to one file: WAL lets pages read
    # while a sync writes, IMMEDIATE avoids lock upgrades that fail at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# In development whitenoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEVELOPMENT
WHITENOISE_AUTOREFRESH = DEVELOPMENT
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEVELOPMENT
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Failure screenshots and saved pages. They are served only through views
# that check the owner, never from a public URL.
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="fossa-sync@localhost")
# Operators get the failure-streak emails; "Name <a@b>, c@d" or plain addresses.
OPERATOR_EMAILS = env.list("OPERATOR_EMAILS", default=[])

# WorkFossa and the scraper.
WORKFOSSA_BASE_URL = env.str(
    "WORKFOSSA_BASE_URL", default="https://app.workfossa.com"
).rstrip("/")
CHROMIUM_BINARY = env.str("CHROMIUM_BINARY", default="/usr/bin/chromium")
CHROMEDRIVER_PATH = env.str("CHROMEDRIVER_PATH", default="/usr/bin/chromedriver")
# Seconds a page may take to load, and a step (such as the rows arriving).
SCRAPE_PAGE_TIMEOUT = env.int("SCRAPE_PAGE_TIMEOUT", default=30)
SCRAPE_WAIT_TIMEOUT = env.int("SCRAPE_WAIT_TIMEOUT", default=20)
# A site's equipment is read again once it is older than this.
EQUIPMENT_MAX_AGE_HOURS = env.int("EQUIPMENT_MAX_AGE_HOURS", default=24)
# Browsers that read sites in parallel within one sync.
SCRAPE_SITE_BROWSERS = env.int("SCRAPE_SITE_BROWSERS", default=2)
# Politeness: at most this many page loads per second for one account.
WORKFOSSA_MAX_REQUESTS_PER_SECOND = env.float(
    "WORKFOSSA_MAX_REQUESTS_PER_SECOND", default=5.0
)
# Keep the WorkFossa session cookie (encrypted) between syncs.
WORKFOSSA_REUSE_SESSION = env.bool("WORKFOSSA_REUSE_SESSION", default=True)
# Seconds the credential form waits for WorkFossa to answer a login check.
LOGIN_CHECK_TIMEOUT = env.int("LOGIN_CHECK_TIMEOUT", default=15)

# Syncs.
# Minutes between scheduled syncs for a new WorkFossa login (at least 15).
SYNC_INTERVAL_MINUTES = env.int("SYNC_INTERVAL_MINUTES", default=60)
if SYNC_INTERVAL_MINUTES < 15:
    raise ImproperlyConfigured(
        f"SYNC_INTERVAL_MINUTES must be at least 15, not {SYNC_INTERVAL_MINUTES}."
    )
# A sync still running after this many seconds is stopped by the task queue.
SYNC_TIMEOUT_SECONDS = env.int("SYNC_TIMEOUT_SECONDS", default=900)
# Minutes after the 1st, 2nd and 3rd failure in a row at which the sync is
# tried again (never past the next regular run).
SYNC_RETRY_DELAYS_MINUTES = env.list(
    "SYNC_RETRY_DELAYS_MINUTES", cast=int, default=[5, 15, 45]
)
# Failures in a row after which the user and the operators get one email.
SYNC_FAILURE_ALERT_AFTER = env.int("SYNC_FAILURE_ALERT_AFTER", default=3)
# A scheduled sync that could not start within this many minutes of its slot
# is dropped: after downtime, or when the queue hands a task out twice.
SYNC_SLOT_GRACE_MINUTES = env.int("SYNC_SLOT_GRACE_MINUTES", default=10)
# Minutes between sweeps for runs left running by a worker that died.
SYNC_REAPER_INTERVAL_MINUTES = env.int("SYNC_REAPER_INTERVAL_MINUTES", default=5)
# Run history: runs older than this are deleted daily, except each user's
# last SYNC_RUNS_KEPT_PER_USER runs and the runs of an ongoing failure streak.
SYNC_RUN_RETENTION_DAYS = env.int("SYNC_RUN_RETENTION_DAYS", default=90)
SYNC_RUNS_KEPT_PER_USER = env.int("SYNC_RUNS_KEPT_PER_USER", default=50)
# Where users reach this site; emails link to it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

REDIS_URL = env.str("REDIS_URL", default="")
Q_CLUSTER = {
    "name": "fossa",
    "workers": env.int("Q_WORKERS", default=2),
    # A sync drives a browser for minutes: the time-out stops a stuck one and
    # stays below the retry period, so a running task is never handed out
    # a second time.
    "timeout": SYNC_TIMEOUT_SECONDS,
    "retry": SYNC_TIMEOUT_SECONDS + 300,
    # A failed task is not run again by the queue: a failed sync is retried
    # by the app (scraping.retries) with growing delays, as a new run.
    "max_attempts": 1,
    "ack_failures": True,
    # After downtime, run a missed schedule once, not once per missed slot.
    "catch_up": False,
    "save_limit": 1000,
    "poll": 1,
    "label": "Task queue",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Selenium's and urllib3's debug lines can carry cookies and form data.
        "selenium": {"level": "WARNING"},
        "urllib3": {"level": "WARNING"},
    },
}

if not DEVELOPMENT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading binds the whole domain to HTTPS in browsers for months;
        # that is the domain owner's decision, so `check --deploy` is not
        # made to ask for it on every run.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

"""The one settings object of Cluster Advisor.

It lives in ``corpus`` because every other package depends on ``corpus`` (the dependencies point
one way: corpus → retrieval → assistant → integrations). It is built once by the entrypoint (CLI,
server) and passed down; no other module reads the environment.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDER_SECRETS = {"changeme", "change-me", "your-key-here", "xxx", "sk-...", "<token>", "todo"}


def _default_data_dir() -> Path:
    return Path.cwd() / "data"


EMBEDDING_BACKENDS = ("onnx-minilm", "e5-small", "openai")
"""Values of ``CLUSTER_ADVISOR_EMBEDDINGS``: the two bundled offline models and OpenAI embeddings."""

API_KEY_ROLES = ("read", "public", "write", "admin")
"""What a key of ``CLUSTER_ADVISOR_API_KEYS`` may do, written ``KEY:role`` (no suffix: ``read``):
``public`` reads public documents only; ``read`` reads internal ones too; ``write`` also adds
documents and changes or deletes its own uploads; ``admin`` also deletes any document."""


def api_key_entries(value: str) -> list[tuple[str, str]]:
    """``(secret, role)`` of every comma-separated entry of ``CLUSTER_ADVISOR_API_KEYS``.

    The role suffix is case-insensitive (``KEY:PUBLIC`` is a public key, never an internal one).

    Raises:
        ValueError: an empty entry (``","``), an empty secret, or an unknown role; a malformed
            value must stop the server, not leave ``/v1`` open or a key with more rights than meant.
    """
    entries: list[tuple[str, str]] = []
    for position, item in enumerate(value.split(","), start=1):
        text = item.strip()
        secret, colon, role = text.rpartition(":") if ":" in text else (text, "", "read")
        role = role.strip().lower() if colon else role
        secret = secret.strip()
        if not text:
            raise ValueError(f"entry {position} is empty; write KEY[:role],KEY[:role] without empty entries")
        if role not in API_KEY_ROLES:
            raise ValueError(
                f"entry {position} ends in an unknown role; the role after ':' is one of "
                f"{', '.join(API_KEY_ROLES)} (and a key itself may not contain ':')"
            )
        if not secret:
            raise ValueError(f"entry {position} has no key before ':{role}'")
        entries.append((secret, role))
    return entries


class Settings(BaseSettings):
    """Runtime configuration, read from the environment and an optional ``.env`` file."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        # `NAME=` (as in .env.example) means "not set", not an empty string or an invalid date.
        env_ignore_empty=True,
        hide_input_in_errors=True,  # a malformed key list must not be echoed into logs
    )

    data_dir: Path = Field(default_factory=_default_data_dir, alias="CLUSTER_ADVISOR_DATA_DIR")
    today_override: dt.date | None = Field(default=None, alias="CLUSTER_ADVISOR_TODAY")
    max_file_bytes: int = Field(default=50 * 1024 * 1024, alias="CLUSTER_ADVISOR_MAX_FILE_BYTES", gt=0)
    max_upload_chunks: int = Field(default=2000, alias="CLUSTER_ADVISOR_MAX_UPLOAD_CHUNKS", gt=0)
    """Passages one API upload may make (each is embedded): larger files go through ``ingest``."""
    database_url: str | None = Field(default=None, alias="CLUSTER_ADVISOR_DATABASE_URL", repr=False)

    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    llm_model: str | None = Field(default=None, alias="CLUSTER_ADVISOR_LLM_MODEL")
    embedding_backend: str = Field(default="onnx-minilm", alias="CLUSTER_ADVISOR_EMBEDDINGS")
    """``onnx-minilm`` (bundled all-MiniLM-L6-v2, English), ``e5-small`` (bundled multilingual-e5-small:
    questions in any language find English passages) or ``openai``. Each model keeps its own
    vectors; switching re-embeds (the bundle's shipped vectors are reused), never mixes them."""
    crosslingual: str = Field(default="e5-small", alias="CLUSTER_ADVISOR_CROSSLINGUAL")
    """``e5-small`` (default): questions not in English are searched with a second, multilingual
    vector index (the bundled multilingual-e5-small; the bundle ships its vectors, user files are
    embedded a second time at ingest). ``off``: English-only search, one embedding per passage."""
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", alias="CLUSTER_ADVISOR_OPENAI_EMBEDDING_MODEL"
    )

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")
    slack_support_channels: str = Field(default="", alias="SLACK_SUPPORT_CHANNELS")
    """Comma-separated channel ids whose members' messages get a triage card."""
    slack_triage_routing: dict[str, str] = Field(default_factory=dict, alias="SLACK_TRIAGE_ROUTING")
    """JSON object: triage category → Slack user (``U…``) or user-group (``S…``) id; key ``default``."""
    slack_triage_timezone: str = Field(default="Europe/Brussels", alias="SLACK_TRIAGE_TIMEZONE")
    """IANA time zone the triage reads members' clock times in ("heute Mittag", "tomorrow at 17:00")."""
    slack_answer_bot_messages: bool = Field(default=False, alias="SLACK_ANSWER_BOT_MESSAGES")
    """Answer other bots' messages too (the bot's own messages are always ignored)."""
    slack_update_interval_s: float = Field(default=1.0, alias="SLACK_UPDATE_INTERVAL_S", ge=0)
    """Least time between two ``chat.update`` calls while an answer streams (Slack's rate limits)."""
    slack_answer_workers: int = Field(default=1, alias="SLACK_ANSWER_WORKERS", ge=1, le=32)
    """Slack answers and triage cards computed at once; the rest wait in a queue (acks never wait)."""
    slack_answer_isolation: Literal["process", "thread"] = Field(
        default="process", alias="SLACK_ANSWER_ISOLATION"
    )
    """Compute Slack answers in worker processes (acks stay fast under load) or in threads."""
    slack_job_lease_s: float = Field(default=60.0, alias="SLACK_JOB_LEASE_S", gt=0)
    """A queued Slack job whose process sent no heartbeat for this long is adopted by another one."""

    chroma_host: str | None = Field(default=None, alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, alias="CHROMA_PORT", gt=0, lt=65536)

    api_keys: SecretStr | None = Field(default=None, alias="CLUSTER_ADVISOR_API_KEYS")
    """Comma-separated Bearer keys ``KEY[:role]``, role one of :data:`API_KEY_ROLES` (default ``read``)."""
    api_writers: Literal["write-keys", "any-key", "anyone"] = Field(
        default="write-keys", alias="CLUSTER_ADVISOR_WRITERS"
    )
    """Who may upload (public documents only, unless the key reads internal ones): ``write-keys``
    (``KEY:write`` and ``KEY:admin``), ``any-key`` (also ``read`` and ``public`` keys), ``anyone``
    (also callers without a key)."""
    api_protect_operations: bool = Field(default=False, alias="CLUSTER_ADVISOR_PROTECT_OPERATIONS")
    """With keys set, ``/readyz`` and ``/metrics`` need a key too (default: open to probes and
    Prometheus; they show index health and request counts, no document). ``/healthz`` stays open."""
    api_allowed_origins: str = Field(default="", alias="CLUSTER_ADVISOR_ALLOWED_ORIGINS")
    """Comma-separated browser origins (``https://portal.example``) besides this server's own that
    may send writes (POST/DELETE) to ``/v1``; a write with any other ``Origin`` is refused (403)."""
    proxy_headers: bool = Field(default=False, alias="CLUSTER_ADVISOR_PROXY_HEADERS")
    """Trust ``X-Forwarded-For``/``-Proto`` (the client's address for rate limits and logs); only
    behind a reverse proxy, with :attr:`forwarded_allow_ips` naming it."""
    forwarded_allow_ips: str = Field(default="127.0.0.1", alias="CLUSTER_ADVISOR_FORWARDED_ALLOW_IPS")
    """The proxy addresses whose forwarded headers are trusted when :attr:`proxy_headers` is on."""
    api_anonymous_read: bool = Field(default=False, alias="CLUSTER_ADVISOR_ANONYMOUS_READ")
    """With keys set, let callers without a key read public documents (the chat page's anonymous mode)."""
    api_host: str = Field(default="127.0.0.1", alias="CLUSTER_ADVISOR_HOST")
    api_port: int = Field(default=8000, alias="CLUSTER_ADVISOR_PORT", gt=0, lt=65536)
    serve_workers: int | None = Field(default=None, alias="CLUSTER_ADVISOR_WORKERS", ge=1, le=64)
    """Processes ``serve`` answers from (``--workers``); default: the machine's cores, capped by memory."""
    index_replica: bool = Field(default=False, alias="CLUSTER_ADVISOR_INDEX_REPLICA")
    """Set by ``serve --workers N`` for its processes on the embedded store: search the memory-mapped
    index files and open Chroma only to write, one process at a time (``integrations/api/workers.py``)."""
    embed_threads: int | None = Field(default=None, alias="CLUSTER_ADVISOR_EMBED_THREADS", ge=1, le=64)
    """Threads the bundled embedding model computes one batch with (default: the cores, at most 4;
    ``serve --workers N`` gives each process its share of the cores)."""
    api_max_body_bytes: int = Field(default=64 * 1024, alias="CLUSTER_ADVISOR_MAX_BODY_BYTES", gt=0)
    """Request body limit of every route but uploads (which use ``max_file_bytes``)."""
    api_rate_limit_per_minute: int = Field(default=120, alias="CLUSTER_ADVISOR_RATE_LIMIT", ge=0)
    """Requests per minute per client (API key, else address) on ``/v1``; 0 turns the limit off."""
    root_path: str = Field(default="", alias="CLUSTER_ADVISOR_ROOT_PATH")
    """The path prefix a reverse proxy serves the app under (e.g. ``/advisor``); empty at the root."""
    answer_timeout_s: float = Field(default=20.0, alias="CLUSTER_ADVISOR_ANSWER_TIMEOUT_S", gt=0)
    sse_keepalive_s: float = Field(default=10.0, alias="CLUSTER_ADVISOR_SSE_KEEPALIVE_S", gt=0, le=300)
    """Seconds of silence on ``POST /v1/ask/stream`` before a keep-alive comment goes out."""

    ft_search_api_url: str = Field(
        default="https://api.tech.ec.europa.eu/search-api/prod/rest", alias="CLUSTER_ADVISOR_FT_SEARCH_API"
    )
    """Base URL of the Funding & Tenders portal's public search API (``/search`` and ``/facet``)."""
    ft_search_api_key: str = Field(default="SEDIA", alias="CLUSTER_ADVISOR_FT_SEARCH_API_KEY")
    """The portal's public key for its own search (not a secret: the portal page sends it)."""
    refresh_hours: float = Field(default=0.0, alias="CLUSTER_ADVISOR_REFRESH_HOURS", ge=0)
    """``serve`` refreshes the calls every this many hours in the background; 0 (default) never."""
    refresh_timeout_s: float = Field(default=30.0, alias="CLUSTER_ADVISOR_REFRESH_TIMEOUT_S", gt=0)
    """Time-out of one request to the search API (connect and each read)."""
    refresh_concurrency: int = Field(default=2, alias="CLUSTER_ADVISOR_REFRESH_CONCURRENCY", ge=1, le=2)
    """Pages fetched at once (1 or 2: the portal is a public service, be polite)."""
    https_proxy: str | None = Field(default=None, alias="HTTPS_PROXY")
    """Proxy for the refresh's HTTPS requests (``http://proxy:3128``)."""
    ca_bundle: Path | None = Field(default=None, alias="CLUSTER_ADVISOR_CA_BUNDLE")
    """PEM file of the CA certificates to trust for the refresh (a company proxy's own CA)."""

    @field_validator("openai_api_key", "slack_bot_token", "slack_signing_secret", "slack_app_token")
    @classmethod
    def _reject_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in _PLACEHOLDER_SECRETS:
            raise ValueError("looks like a placeholder, not a real secret; set the real value or unset it")
        return value

    @field_validator("api_keys")
    @classmethod
    def _well_formed_api_keys(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None  # unset or blank (``KEY=`` in a .env template): no keys, and the log says so
        api_key_entries(value.get_secret_value())  # raises with the entry's position, never the key
        return value

    @field_validator("slack_triage_timezone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r}: use an IANA name such as Europe/Brussels or UTC"
            ) from exc
        return value

    @field_validator("embedding_backend")
    @classmethod
    def _known_embedding_backend(cls, value: str) -> str:
        if value not in EMBEDDING_BACKENDS:
            raise ValueError(
                "must be 'onnx-minilm' (bundled, English), 'e5-small' (bundled, multilingual) or 'openai'"
            )
        return value

    @field_validator("crosslingual")
    @classmethod
    def _known_crosslingual(cls, value: str) -> str:
        if value not in ("e5-small", "off"):
            raise ValueError("must be 'e5-small' (multilingual questions, the default) or 'off'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.embedding_backend == "openai" and self.openai_api_key is None and not self.openai_base_url:
            raise ValueError("CLUSTER_ADVISOR_EMBEDDINGS=openai needs OPENAI_API_KEY or OPENAI_BASE_URL")
        return self

    @property
    def today(self) -> dt.date:
        """The day every date judgement uses: ``--today`` / ``CLUSTER_ADVISOR_TODAY``, else the real date."""
        return self.today_override or dt.date.today()

    @property
    def records_db_url(self) -> str:
        """SQLAlchemy URL of the corpus record store (SQLite in the data dir unless configured)."""
        return self.database_url or f"sqlite:///{self.data_dir / 'corpus.sqlite3'}"

    @property
    def slack_support_channel_ids(self) -> frozenset[str]:
        """The channel ids of :attr:`slack_support_channels`."""
        return frozenset(part.strip() for part in self.slack_support_channels.split(",") if part.strip())

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_model and (self.openai_base_url or self.openai_api_key))

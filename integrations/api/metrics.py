"""Prometheus metrics of one app: requests and latencies per route, answers by mode, refusals.

Each app has its own registry (several apps in one test process must not collide).
"""

from __future__ import annotations

import time

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.models import Answer


class ApiMetrics:
    """The counters and histograms, and their text exposition."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "cluster_advisor_http_requests",
            "HTTP requests by route template, method and status code.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "cluster_advisor_http_request_seconds",
            "HTTP request latency by route template.",
            ["route"],
            registry=self.registry,
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self.answers = Counter(
            "cluster_advisor_answers",
            "Answers by mode (llm, extractive) and intent.",
            ["mode", "intent"],
            registry=self.registry,
        )
        self.refusals = Counter(
            "cluster_advisor_refusals",
            "Answers that said the corpus has no evidence.",
            ["intent"],
            registry=self.registry,
        )
        self.llm_failures = Counter(
            "cluster_advisor_llm_failures",
            "Answers that fell back to extractive although a chat model is configured.",
            registry=self.registry,
        )

    def observe_answer(self, answer: Answer, *, llm_configured: bool) -> None:
        """Count one answer."""
        self.answers.labels(mode=answer.mode, intent=answer.intent).inc()
        if not answer.grounded:
            self.refusals.labels(intent=answer.intent).inc()
        if llm_configured and answer.mode == "extractive":
            self.llm_failures.inc()

    def exposition(self) -> bytes:
        """The Prometheus text format."""
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Times every HTTP request and counts it under its route template (``/v1/documents/{doc_id}``)."""

    def __init__(self, app: ASGIApp, *, metrics: ApiMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            route = scope.get("route")
            template = route.path if isinstance(route, BaseRoute) and hasattr(route, "path") else "unmatched"
            self.metrics.requests.labels(route=template, method=scope["method"], status=str(status)).inc()
            self.metrics.latency.labels(route=template).observe(time.perf_counter() - started)

"""Chat models behind any OpenAI-compatible server (OpenAI, Azure, vLLM, Ollama, llama.cpp).

The only assistant module that imports ``openai``. Retries are the SDK's own (``max_retries``:
time-outs, connection errors, 408/409/429 and 5xx, with exponential back-off and jitter, honouring
``Retry-After``); every failure that remains is logged here without the API key and turned into
:class:`~assistant.errors.LLMUnavailable` or :class:`~assistant.errors.LLMBadOutput`. The wall-clock
deadline of a whole call (retries included) is :class:`~assistant.llm.DeadlineChatModel`'s job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
import openai
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import SecretStr

from assistant.errors import LLMBadOutput, LLMUnavailable
from assistant.llm import ChatMessage, ChatModel
from corpus.settings import Settings

logger = logging.getLogger(__name__)

_T = TypeVar("_T")
_TOKEN_PARAMS = ("max_tokens", "max_completion_tokens")
_NO_KEY = "not-needed"
"""Sent when no key is configured: local servers ignore it, and it is not a secret."""
_MAX_DETAIL = 200


class OpenAIChatModel:
    """A :class:`~assistant.llm.ChatModel` speaking the OpenAI chat-completions protocol.

    Both ``max_tokens`` and ``max_completion_tokens`` are sent (llama.cpp's server ignores the
    latter; OpenAI's reasoning models reject the former); when a server rejects one of them with a
    400 naming it, the request is repeated once with only the other, and that choice is remembered.
    """

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: SecretStr | None,
        model: str,
        timeout_s: float = 30.0,
        max_retries: int = 2,
    ) -> None:
        """Create the client (no request is made).

        Args:
            base_url: Server URL including ``/v1`` (None: OpenAI's own API).
            api_key: The key, or None for local servers that need none.
            model: Model id sent with each request.
            timeout_s: Time-out of each HTTP attempt (connect and each read).
            max_retries: The SDK's retries after the first attempt (time-outs, connection
                errors, 429 and 5xx; back-off with jitter, ``Retry-After`` honoured).
        """
        if max_retries < 0 or timeout_s <= 0:
            raise ValueError("max_retries must be >= 0 and timeout_s > 0")
        self.name = f"openai:{model}"
        self.model = model
        self._secret = api_key.get_secret_value() if api_key is not None else ""
        self._client = openai.OpenAI(
            base_url=base_url,
            api_key=self._secret or _NO_KEY,
            timeout=timeout_s,
            max_retries=max_retries,
        )
        self._timeout_s = timeout_s
        self._attempts = max_retries + 1
        self._token_params: tuple[str, ...] = _TOKEN_PARAMS

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def __enter__(self) -> OpenAIChatModel:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the ChatModel protocol ---------------------------------------------------------------

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0) -> str:
        """Return the whole reply (see :class:`~assistant.llm.ChatModel`)."""
        response = self._classify(
            lambda: self._create(messages, max_tokens=max_tokens, temperature=temperature, stream=False)
        )
        return _reply_text(response)

    def complete_json(
        self, messages: Sequence[ChatMessage], *, schema: dict[str, Any], name: str, max_tokens: int
    ) -> str:
        """The reply held to ``schema`` (OpenAI structured output: ``response_format`` ``json_schema``).

        Servers that ignore ``response_format`` still answer; the caller validates the JSON.
        """
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": name, "schema": schema, "strict": False},
        }
        response = self._classify(
            lambda: self._create(
                messages,
                max_tokens=max_tokens,
                temperature=0.0,
                stream=False,
                response_format=response_format,
            )
        )
        return _reply_text(response)

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0
    ) -> Iterator[str]:
        """Yield the reply piece by piece. Retries happen only before the first piece arrives."""
        chunks = self._classify(
            lambda: self._create(messages, max_tokens=max_tokens, temperature=temperature, stream=True)
        )
        received = False
        try:
            for chunk in chunks:
                for choice in getattr(chunk, "choices", None) or ():
                    content = getattr(getattr(choice, "delta", None), "content", None)
                    if isinstance(content, str) and content:
                        received = True
                        yield content
        except (openai.APITimeoutError, openai.APIConnectionError, httpx.TransportError) as exc:
            raise LLMUnavailable(f"the language model stream broke off: {self._describe(exc)}") from exc
        except openai.APIError as exc:
            raise LLMUnavailable(f"the language model stream failed: {self._describe(exc)}") from exc
        except ValueError as exc:  # json.JSONDecodeError: a data line that is not JSON
            raise LLMBadOutput("the language model stream was not valid server-sent JSON events") from exc
        finally:
            close = getattr(chunks, "close", None)
            if callable(close):
                close()
        if not received:
            raise LLMBadOutput("the language model stream carried no text")

    # --- internals ----------------------------------------------------------------------------

    def _create(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int,
        temperature: float,
        stream: bool,
        response_format: Any = openai.omit,
    ) -> Any:
        """One request; a 400 naming a token parameter is retried once without it."""
        try:
            return self._request(
                messages,
                max_tokens=max_tokens,
                temperature=temperature,
                stream=stream,
                response_format=response_format,
            )
        except openai.BadRequestError as exc:
            rejected = self._rejected_token_param(exc)
            if rejected is None:
                raise
            logger.info("the server rejected %s; retrying with the other token limit only", rejected)
            self._token_params = tuple(p for p in _TOKEN_PARAMS if p != rejected)
            return self._request(
                messages,
                max_tokens=max_tokens,
                temperature=temperature,
                stream=stream,
                response_format=response_format,
            )

    def _request(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int,
        temperature: float,
        stream: bool,
        response_format: Any = openai.omit,
    ) -> Any:
        payload: list[ChatCompletionMessageParam] = [
            {"role": message.role, "content": message.content}  # type: ignore[misc]
            for message in messages
        ]
        limits = {name: max_tokens if name in self._token_params else openai.omit for name in _TOKEN_PARAMS}
        return self._client.chat.completions.create(
            model=self.model,
            messages=payload,
            temperature=temperature,
            max_tokens=limits["max_tokens"],
            max_completion_tokens=limits["max_completion_tokens"],
            stream=stream,
            response_format=response_format,
        )

    def _rejected_token_param(self, exc: openai.BadRequestError) -> str | None:
        if len(self._token_params) < 2:
            return None
        text = f"{exc.message} {getattr(exc, 'param', '') or ''}"
        # Check the longer name first: "max_completion_tokens" contains "max_tokens"'s letters too.
        if "max_completion_tokens" in text:
            return "max_completion_tokens"
        if "max_tokens" in text:
            return "max_tokens"
        return None

    def _classify(self, attempt: Callable[[], _T]) -> _T:
        """Run ``attempt`` (the SDK retries inside it); what still fails becomes our error."""
        try:
            return attempt()
        except openai.APITimeoutError as exc:
            raise self._gave_up(f"no answer within {self._timeout_s:g}s") from exc
        except openai.APIConnectionError as exc:
            raise self._gave_up(f"cannot connect: {self._describe(exc)}") from exc
        except openai.APIStatusError as exc:
            if exc.status_code in (408, 409, 429) or exc.status_code >= 500:
                raise self._gave_up(self._describe(exc)) from exc
            raise LLMUnavailable(
                f"the language model server refused the request: {self._describe(exc)}"
            ) from exc
        except openai.APIError as exc:
            raise LLMBadOutput(
                f"the language model server sent an unusable reply: {self._describe(exc)}"
            ) from exc
        except ValueError as exc:  # json.JSONDecodeError: a JSON content type over a body that is not JSON
            raise LLMBadOutput("the language model server sent a body that is not valid JSON") from exc

    def _gave_up(self, detail: str) -> LLMUnavailable:
        logger.warning("language model failed after %d attempt(s): %s", self._attempts, detail)
        return LLMUnavailable(
            f"the language model server ({self.model}) failed after {self._attempts} attempt(s): {detail}"
        )

    def _describe(self, exc: BaseException) -> str:
        """A short, redacted description of a failure: never the key, never a whole body."""
        status = getattr(exc, "status_code", None)
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        text = " ".join(str(message).split())[:_MAX_DETAIL]
        if self._secret:
            text = text.replace(self._secret, "***")
        return f"HTTP {status}: {text}" if status is not None else text


def _reply_text(response: object) -> str:
    """The text of a completion, or LLMBadOutput for anything that is not one."""
    if not isinstance(response, ChatCompletion):
        raise LLMBadOutput("the language model server did not return a chat completion (not JSON?)")
    choices = getattr(response, "choices", None)
    if not choices:
        raise LLMBadOutput("the language model server returned no choices")
    content = getattr(getattr(choices[0], "message", None), "content", None)
    if not isinstance(content, str) or not content.strip():
        raise LLMBadOutput("the language model server returned a reply without text")
    return content


def chat_model_from_settings(settings: Settings, *, timeout_s: float = 30.0) -> ChatModel | None:
    """The configured chat model, or None when no LLM is configured (extractive answers only).

    Args:
        settings: Reads ``OPENAI_BASE_URL``, ``OPENAI_API_KEY`` and ``CLUSTER_ADVISOR_LLM_MODEL``.
        timeout_s: Time-out of each HTTP attempt.
    """
    if not settings.llm_configured or settings.llm_model is None:
        return None
    return OpenAIChatModel(
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key,
        model=settings.llm_model,
        timeout_s=timeout_s,
    )

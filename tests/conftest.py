"""Shared fixtures: a network block, hostile inputs and a deterministic hypothesis profile."""

from __future__ import annotations

import random
import socket
from pathlib import Path

import pytest

try:
    from hypothesis import HealthCheck, settings

    # Deterministic property tests: a fixed derandomised search, no example
    # database, no deadline (a slow CI machine must not turn into a failure).
    settings.register_profile(
        "mediakit",
        max_examples=200,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.load_profile("mediakit")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass

REPO = Path(__file__).resolve().parent.parent


class NetworkBlocked(RuntimeError):
    """Raised by the ``no_network`` fixture when anything tries to connect."""


@pytest.fixture
def no_network(monkeypatch):
    """Block every outgoing connection and name lookup for the duration of a test.

    Yields the list of attempted destinations, so a test can also assert
    that nothing was even tried.
    """
    attempts: list[str] = []

    def refuse(what):
        def _refuse(*args, **kwargs):
            target = args[1] if len(args) > 1 else args[0] if args else kwargs
            attempts.append(f"{what}: {target!r}")
            raise NetworkBlocked(f"network access attempted during a test ({what} {target!r})")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts


def adversarial_inputs() -> dict[str, str]:
    """Texts built to make regular expressions backtrack or loops go quadratic.

    Shared by the robustness tests (as a hang detector) and by
    ``benchmarks/bench.py`` (which reports the worst time per character).
    """
    caps = " ".join(["Minister Of Foreign Affairs Spokesman Deputy Director General"] * 2500)
    rng = random.Random(7)
    mixed_quotes = "".join(rng.choice('"“”„«»\'‘’ ') for _ in range(20_000))
    return {
        "long_word": "a" * 200_000,
        "long_word_with_inner_dots": "a." * 100_000 + "b",
        "long_hyphenated_word": "-".join(["well"] * 50_000),
        "straight_quotes": '"' * 10_000,
        "curly_quotes": "“" * 5_000 + "”" * 5_000,
        "quotes_with_words": ' "said" ' * 10_000,
        "unbalanced_quotes": "He said “we will win. " * 5_000,
        "mixed_quote_marks": mixed_quotes,
        "full_stops": "." * 50_000,
        "exclamations": "!" * 50_000,
        "question_bangs": "?!" * 25_000,
        "commas": "," * 50_000,
        "dashes": "—" * 50_000,
        "ellipses": "… " * 25_000,
        "dots_and_spaces": ". " * 50_000,
        "initials": "A. " * 50_000,
        "abbreviations": "U.S. " * 40_000,
        "capitalised_words": caps,
        "capitalised_without_verb": "Foo " * 50_000 + "said",
        "said_repeated": "said " * 40_000,
        "according_to": "according to " * 20_000,
        "long_number_with_commas": "1," * 100_000 + "5",
        "long_number_with_dots": "1." * 100_000 + "5",
        "digits": "9" * 200_000,
        "percent_numbers": "3,000,000.5% " * 15_000,
        "parentheses": "(" * 50_000 + ")" * 50_000,
        "whitespace_runs": " \t" * 100_000 + "x",
        "blank_lines": "\n" * 100_000 + "x",
        "crlf_runs": "a\r\n" * 50_000,
        "old_mac_lines": "Troops arrived.\r" * 20_000,
        "html_like": "<p>" * 30_000 + "text" + "</p>" * 30_000,
        "zero_width": "\u200b" * 100_000,
        "emoji": "😀" * 100_000,
        "hedges_in_a_row": "reportedly allegedly possibly " * 10_000,
        "sentiment_words_in_one_sentence": "good bad great awful " * 10_000,
        "one_long_sentence": " ".join(["officials said that"] * 30_000) + ".",
    }

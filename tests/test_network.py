"""Nothing reaches the network: analysis, the command line and the notebooks' code path run with sockets blocked."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request

import pytest

import mediakit
from mediakit.cli import main
from mediakit.io import seeds_path

from .conftest import REPO, NetworkBlocked


def test_the_block_itself_catches_connections_and_lookups(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlocked):
            s.connect(("127.0.0.1", 9))
        with pytest.raises(NetworkBlocked):
            s.connect_ex(("127.0.0.1", 9))
    finally:
        s.close()
    with pytest.raises((NetworkBlocked, urllib.error.URLError)):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert len(no_network) == 4


def test_analysis_with_every_scorer_stays_offline(no_network):
    for art in mediakit.load_seeds():
        an = mediakit.analyze(art, tone=True)
        assert an.spans and an.scores["words"] > 0
    html = "<html><body><article><p>Officials reportedly said troops may stay.</p></article></body></html>"
    assert mediakit.analyze(html).scores["words"] > 0
    assert no_network == []


def test_the_command_line_stays_offline(no_network, tmp_path, capsys):
    out = tmp_path / "scores.csv"
    assert main(["score", str(seeds_path()), "--tone", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert main(["spans", str(seeds_path() / "000_52d4930ff7ecd802.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["spans"]
    assert no_network == []


def test_the_notebook_code_path_stays_offline(no_network):
    """What the notebooks do: score, evidence, comparisons, charts and the highlighted view."""
    from mediakit import frame

    seeds = mediakit.load_seeds()
    scores = mediakit.score(seeds, tone=True)
    assert scores["error"].isna().all()
    analyses = [mediakit.analyze(a) for a in seeds]
    ev = frame.evidence(seeds)
    assert len(ev) == sum(len(a.spans) for a in analyses)
    for name in ("claims", "sources"):
        if hasattr(frame, name):
            getattr(frame, name)(seeds)
    assert len(frame.compare(scores)) == scores["outlet"].nunique()
    html = analyses[0]._repr_html_()
    assert "<" in html and analyses[0].article.id in html
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from mediakit import plot

    for name in ("plot_outlets", "plot_frames", "plot_hedging_attribution", "plot_boilerplate"):
        if hasattr(plot, name):
            getattr(plot, name)(scores)
            plt.close("all")
    assert no_network == []


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket, sys
    tried = []
    def refuse(*args, **kwargs):
        tried.append(repr(args[:2]))
        raise OSError("network blocked")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    sys.path.insert(0, sys.argv[1])
    # everything imported fresh, with the network already gone
    import mediakit
    from mediakit.cli import main
    from mediakit import frame
    seeds = mediakit.load_seeds()
    for a in seeds:
        mediakit.analyze(a, tone=True)
    mediakit.score(seeds, tone=True)
    if hasattr(frame, "evidence"):
        frame.evidence(seeds)
    assert main(["score", sys.argv[2], "-o", sys.argv[3], "--tone"]) == 0
    mediakit.analyze(seeds[0])._repr_html_()
    print("TRIED", len(tried), tried[:5])
    """
)


def test_a_fresh_interpreter_imports_and_runs_everything_offline(tmp_path):
    proc = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(REPO), str(seeds_path()), str(tmp_path / "o.csv")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "TRIED 0 []"

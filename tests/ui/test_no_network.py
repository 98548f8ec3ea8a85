"""The app opens no network connection (issue 6): indexing, analysis, search and the window, under a socket guard.

spaCy runs in worker processes, so a monkeypatch in this process would not see them. The cycle runs in a
new Python process instead, whose PYTHONPATH starts with a folder holding a `sitecustomize.py`: every
Python process started from it (spaCy's workers, the index's writers) inherits the environment, imports
that module at start-up and so installs the guard, an audit hook that records and refuses any internet
socket use and any host name lookup. Unix sockets stay allowed. The hook also records each process it
was installed in and each process that imported spaCy, so the test knows the workers were guarded.

The guard sees what Python's socket module does (what spaCy, Whoosh, multiprocessing and PySide's
Python side would use); native code opening sockets on its own, such as Qt's C++ network classes, is
not audited — the app does not import QtNetwork.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO
from tests.ui.test_hostile_content import HOSTILE_FILE, HOSTILE_ID

pytestmark = pytest.mark.slow  # the whole app in child processes, spaCy's workers too

LOG_ENV = "PRESS_READER_TEST_NETWORK_LOG"
SITECUSTOMIZE = textwrap.dedent(f"""
    # Installed by tests/ui/test_no_network.py in every Python process of the test: no internet, recorded.
    import os, sys, json

    _log = os.environ.get({LOG_ENV!r})

    def _record(kind, **what):
        with open(_log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({{"kind": kind, "pid": os.getpid(), **what}}) + "\\n")

    if _log:
        _INET = (2, 10)  # AF_INET, AF_INET6 on Linux: the socket module is not imported here for them
        _SOCKET_EVENTS = {{"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}}
        _LOOKUPS = {{"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                    "socket.gethostbyaddr", "socket.getnameinfo"}}
        _seen_spacy = []

        def _guard(event, args):
            if event in _SOCKET_EVENTS:
                family = getattr(args[0], "family", None)
                if family in _INET:
                    caller = sys._getframe(1).f_code  # the Python code that called the socket method
                    _record("violation", event=event, address=repr(args[1]),
                            caller=f"{{caller.co_filename}}:{{caller.co_name}}")
                    raise PermissionError(f"network use blocked by the test: {{event}} {{args[1]!r}}")
            elif event in _LOOKUPS:
                caller = sys._getframe(1).f_code
                _record("violation", event=event, address=repr(args[0]),
                        caller=f"{{caller.co_filename}}:{{caller.co_name}}")
                raise PermissionError(f"host name lookup blocked by the test: {{event}} {{args[0]!r}}")
            elif event == "import" and args[0] == "spacy" and not _seen_spacy:
                _seen_spacy.append(True)
                _record("spacy")

        sys.addaudithook(_guard)
        _record("installed", argv=sys.argv[:2])
""")

CYCLE = textwrap.dedent("""
    import json, os, sys, time
    from pathlib import Path

    from reader.core.library import Library


    def main():
        root, data, window_data = map(Path, sys.argv[1:4])
        out = {"pid": os.getpid()}
        library = Library(root, data)
        out["indexed"] = library.sync().added
        report = library.analyze_all(n_process=2)
        out["analyzed"] = report.analyzed
        out["hits"] = [hit.article_id for hit in library.search("sponsorship").hits]
        library.close()

        # the window, with its own data dir, so that it indexes and analyzes too (on its spaCy workers)
        from reader.core.analysis import close_shared
        from reader.ui.app import make_app
        from reader.ui.main_window import MainWindow
        from tests.ui import in_process

        app = make_app(["test"])
        window = MainWindow(window_data, root)
        finished = []
        window.session.analysed.connect(finished.append)
        window.show()

        def wait(condition):
            in_process.wait(condition, seconds=240)

        wait(lambda: finished)
        window.browsing.show_article(sys.argv[4])
        wait(lambda: window.pane.view is not None and window.pane.view.article.id == sys.argv[4]
             and window.pane.view.analysis is not None)
        out["shown"] = window.pane.toPlainText()
        out["window_analyzed"] = finished[0].analyzed
        window.close()
        close_shared()
        print(json.dumps(out))


    if __name__ == "__main__":  # spawned workers import this file too
        main()
""")

CONTROL = textwrap.dedent("""
    import json, multiprocessing, os, socket, sys, tempfile

    def attempt(port):
        outcome = {}
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            try:
                sock.connect(("127.0.0.1", port))
                outcome["connect"] = "connected"
            except PermissionError:
                outcome["connect"] = "blocked"
        try:
            socket.getaddrinfo("example.com", 80)
            outcome["lookup"] = "resolved"
        except PermissionError:
            outcome["lookup"] = "blocked"
        except OSError:
            outcome["lookup"] = "failed"
        with tempfile.TemporaryDirectory() as tmp:  # a Unix socket, as multiprocessing and Qt use
            server = socket.socket(socket.AF_UNIX)
            server.bind(os.path.join(tmp, "s"))
            server.listen()
            client = socket.socket(socket.AF_UNIX)
            client.connect(os.path.join(tmp, "s"))
            outcome["unix"] = "ok"
            client.close(), server.close()
        return outcome

    if __name__ == "__main__":
        port = int(sys.argv[1])
        here = attempt(port)
        with multiprocessing.get_context("spawn").Pool(1) as pool:  # as spaCy's workers are started
            child = pool.apply(attempt, (port,))
        print(json.dumps({"pid": os.getpid(), "here": here, "child": child}))
""")


@pytest.fixture
def guarded(tmp_path):
    """run(code, *args) -> (completed process, records): `code` in a new Python under the guard."""
    site = tmp_path / "guard"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"

    def run(code: str, *args, timeout=240):
        log.write_text("")
        path = os.pathsep.join(filter(None, [str(site), str(REPO), os.environ.get("PYTHONPATH")]))
        env = {
            **os.environ,
            "PYTHONPATH": path,
            LOG_ENV: str(log),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PRESS_READER_DATA_DIR": str(tmp_path / "appdata"),
        }
        script = tmp_path / "script.py"  # a file, so that spawned children can import its functions
        script.write_text(code, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(script), *map(str, args)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        records = [json.loads(line) for line in log.read_text().splitlines()]
        return done, records

    return run


def urllib3_ipv6_probe(record) -> bool:
    """urllib3, imported by `import spacy` (spacy.cli.download imports requests), checks at import time
    whether IPv6 works by binding a socket to ('::1', 0) and closing it: no packet leaves the machine.
    The guard refuses it like anything else (urllib3 then takes IPv6 to be missing); only that exact
    call, from that exact function, is not counted as the app using the network."""
    return (
        record["event"] == "socket.bind"
        and record["address"] == "('::1', 0)"
        and record["caller"].endswith(os.path.join("urllib3", "util", "connection.py") + ":_has_ipv6")
    )


def pids(records, kind):
    return {r["pid"] for r in records if r["kind"] == kind}


def test_the_guard_blocks_and_records_a_real_connection_here_and_in_a_spawned_child(guarded):
    """The control: a real connection attempt to a listening port is refused and recorded, in the process
    started under the guard and in a worker it spawns, while Unix sockets still work."""
    with socket.socket() as server:  # this process is not guarded: a real server to connect to
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        done, records = guarded(CONTROL, server.getsockname()[1], timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        with pytest.raises(TimeoutError):
            server.accept()  # nobody got through
    out = json.loads(done.stdout)
    expected = {"connect": "blocked", "lookup": "blocked", "unix": "ok"}
    assert out["here"] == expected and out["child"] == expected
    installed = pids(records, "installed")
    assert out["pid"] in installed and len(installed) >= 2  # the child had the guard too
    violations = [r for r in records if r["kind"] == "violation"]
    assert {(r["event"], r["pid"] == out["pid"]) for r in violations} == {
        ("socket.connect", True),
        ("socket.getaddrinfo", True),
        ("socket.connect", False),
        ("socket.getaddrinfo", False),
    }


def test_index_analyze_search_and_the_window_open_no_network_connection(guarded, articles_dir, tmp_path):
    (articles_dir / HOSTILE_ID).write_text(HOSTILE_FILE, encoding="utf-8")
    done, records = guarded(CYCLE, articles_dir, tmp_path / "data", tmp_path / "window-data", HOSTILE_ID)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.splitlines()[-1])
    # the cycle really ran: three articles indexed and analyzed twice over, found, and shown
    assert out["indexed"] == 3 and out["analyzed"] == 3 and out["window_analyzed"] == 3
    assert HOSTILE_ID in out["hits"]
    assert "<script>alert(1)</script>" in out["shown"]
    # spaCy ran only in worker processes, each of which had the guard installed
    spacy = pids(records, "spacy")
    assert len(spacy - {out["pid"]}) >= 4, records  # two for analyze_all, two for the window
    assert spacy <= pids(records, "installed")
    violations = [r for r in records if r["kind"] == "violation"]
    assert [r for r in violations if not urllib3_ipv6_probe(r)] == []

"""One window per data dir: a second launch hands its request to the window already open, and exits.

Two windows on one data dir would take turns at the index's single writer and fail each other's updates.
The first launch listens on a local socket (`QLocalServer`) named after the data dir; a later launch
connects, sends the folder it was asked to open, if any, and exits once the first has answered. The
connect-or-listen step is done under a lock file, so two launches at the same moment cannot both listen.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 1000
ANSWER_MS = 5000
LOCK_MS = 5000
ACK = b"ok\n"


class NotAnswering(Exception):
    """Another window holds this data dir but did not answer."""


def server_name(data_dir: Path) -> str:
    key = hashlib.sha1(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return f"press-reader-{key}"


class SingleInstance(QObject):
    """The first launch's listener. `requested` carries each later launch's message: {"articles": path|None}."""

    requested = Signal(dict)

    def __init__(self, server: QLocalServer):
        super().__init__()
        self.server = server
        server.setParent(self)
        server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            message = None
        if not isinstance(message, dict):
            socket.disconnectFromServer()
            return
        socket.write(ACK)
        socket.flush()
        self.requested.emit(message)

    def close(self) -> None:
        self.server.close()


def claim(data_dir: Path, articles: Path | None = None) -> SingleInstance | None:
    """Become the data dir's window (a SingleInstance), or hand `articles` to the one open (None).

    Raises NotAnswering when another window has the data dir but does not answer.
    """
    name = server_name(data_dir)
    lock = QLockFile(str(Path(QDir.tempPath()) / f"{name}.lock"))
    lock.setStaleLockTime(0)  # a lock left by a crashed launch is stale once its process is gone
    locked = lock.tryLock(LOCK_MS)
    try:
        if _hand_off(name, articles):
            return None
        QLocalServer.removeServer(name)  # a socket file left by a window that crashed
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            if _hand_off(name, articles):  # only when the lock could not be had: another launch won
                return None
            raise NotAnswering(f"could not listen for other launches: {server.errorString()}")
        return SingleInstance(server)
    finally:
        if locked:
            lock.unlock()


def _hand_off(name: str, articles: Path | None) -> bool:
    """True if a window listens on `name` and took the request."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = {"articles": str(Path(articles).resolve()) if articles is not None else None}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.flush()
    answered = b""
    while not answered.endswith(b"\n") and socket.waitForReadyRead(ANSWER_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if answered != ACK:
        raise NotAnswering(
            "Press Reader is already open on this data folder but does not answer; close it and try again"
        )
    return True

"""A buffered socket and a paho client that uses it, so that a message costs no system call.

paho reads every packet with three or more ``recv`` calls (the command byte, each byte of the
remaining length, the body) and writes every packet, every QoS 1 acknowledgement included, with
its own ``send``. Against a backlog that is four system calls and a ``select`` per message, a
quarter of the ingest thread's time. :class:`BufferedSocket` reads what the kernel has (up to
64 KiB) in one call and serves paho's small reads from memory; it gathers paho's writes until the
network loop calls :meth:`BufferedSocket.flush`, once per turn, so that the acknowledgements of a
committed batch leave in one segment.

paho has no public hook for its transport, so :class:`BufferedClient` wraps the socket that
paho's ``_create_socket`` made (plain TCP or TLS), the one place it builds its transport, the same
way paho wraps a socket for WebSockets. tests/integration/test_ingest_reliability.py runs the whole
client against Mosquitto, so a paho release that changes this shows there first.
"""

from __future__ import annotations

import logging
import ssl

import paho.mqtt.client as mqtt

log = logging.getLogger(__name__)

READ_SIZE = 65536
"""Bytes asked of the kernel per read: a few hundred sensor messages."""
WRITE_LIMIT = 65536
"""Buffered bytes that make a write go out at once instead of at the next flush."""
_WOULD_BLOCK = (BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError, InterruptedError)


class BufferedSocket:
    """Wraps a connected non-blocking socket (plain or TLS) with a read and a write buffer.

    Offers paho the calls it makes on a socket: ``recv``, ``send``, ``pending``, ``fileno``,
    ``setblocking`` and ``close``, plus :meth:`fill`, :meth:`flush` and ``closed`` for the
    network loop.
    """

    def __init__(self, sock) -> None:
        self._sock = sock
        self._in = b""
        self._pos = 0
        self._out = bytearray()
        self._eof = False
        self._error: OSError | None = None
        self.closed = False

    # ------------------------------------------------------------ reading

    def recv(self, size: int) -> bytes:
        """Up to ``size`` buffered bytes; reads from the socket only when the buffer is empty."""
        if self._pos >= len(self._in):
            self._refill()
            if self._pos >= len(self._in):
                if self._error is not None:
                    error, self._error = self._error, None
                    raise error
                if self._eof:
                    return b""
                raise BlockingIOError("no data")
        start = self._pos
        self._pos = min(start + size, len(self._in))
        return self._in[start:self._pos]

    def pending(self) -> int:
        """Bytes read but not yet taken (paho skips its ``select`` while there are some)."""
        return len(self._in) - self._pos

    def fill(self) -> bool:
        """True when paho has something to read now: buffered bytes, the end of the stream or an error."""
        if self._pos < len(self._in) or self._eof or self._error is not None:
            return True
        return self._refill()

    def _refill(self) -> bool:
        """Read what the kernel holds; True when there is now something for paho to read."""
        try:
            data = self._sock.recv(READ_SIZE)
        except _WOULD_BLOCK:
            return False
        except OSError as exc:
            # Handed to paho at its next read, which reports the connection lost.
            self._error = exc
            return True
        if not data:
            self._eof = True
            return True
        self._in, self._pos = data, 0
        return True

    # ------------------------------------------------------------ writing

    def send(self, data) -> int:
        """Take all of ``data`` into the write buffer; write at once only past :data:`WRITE_LIMIT`."""
        self._out += data
        if len(self._out) >= WRITE_LIMIT:
            self.flush()
        return len(data)

    def unsent(self) -> int:
        """Bytes waiting for the socket to accept them."""
        return len(self._out)

    def flush(self) -> None:
        """Write what the socket accepts now; the rest waits for the next flush."""
        while self._out:
            try:
                sent = self._sock.send(self._out)
            except _WOULD_BLOCK:
                return
            except OSError as exc:
                # The connection is gone: paho finds out at its next read. What was not sent
                # (acknowledgements at most) is redelivered by the broker and dropped as a duplicate.
                log.debug("write failed, %d bytes dropped: %s", len(self._out), exc)
                self._out.clear()
                return
            del self._out[:sent]

    # ------------------------------------------------------------ the rest of a socket

    def fileno(self) -> int:
        return self._sock.fileno()

    def setblocking(self, flag: bool) -> None:
        self._sock.setblocking(flag)

    def close(self) -> None:
        """Send what is buffered (a DISCONNECT, say) as far as the socket takes it, then close."""
        self.flush()
        self._sock.close()
        self.closed = True


class BufferedClient(mqtt.Client):
    """A paho client whose transport is a :class:`BufferedSocket` (see the module's docstring)."""

    def _create_socket(self):
        return BufferedSocket(super()._create_socket())

    def buffered_socket(self) -> BufferedSocket | None:
        """The connection's socket, None while disconnected."""
        sock = self.socket()
        return sock if isinstance(sock, BufferedSocket) else None

"""The buffered socket under paho: the bytes come out as they went in, whatever the read sizes; a
read costs one system call per kernel buffer; writes wait for a flush; the end of the stream and
errors reach paho's next read."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.ingest.bufsock import WRITE_LIMIT, BufferedSocket


class CountingSocket:
    """A socket that counts the recv and send calls made on it."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.recvs = 0
        self.sends = 0

    def recv(self, size: int) -> bytes:
        self.recvs += 1
        return self.sock.recv(size)

    def send(self, data) -> int:
        self.sends += 1
        return self.sock.send(data)

    def fileno(self) -> int:
        return self.sock.fileno()

    def setblocking(self, flag: bool) -> None:
        self.sock.setblocking(flag)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def pair():
    ours, peer = socket.socketpair()
    ours.setblocking(False)
    counting = CountingSocket(ours)
    yield BufferedSocket(counting), counting, peer
    ours.close()
    peer.close()


def read_all(sock: BufferedSocket, sizes: list[int]) -> bytes:
    out = bytearray()
    index = 0
    while sock.fill():
        chunk = sock.recv(sizes[index % len(sizes)])
        if not chunk:
            break
        out += chunk
        index += 1
    return bytes(out)


@settings(max_examples=60, deadline=None)
@given(chunks=st.lists(st.binary(min_size=1, max_size=300), min_size=1, max_size=30),
       sizes=st.lists(st.integers(1, 500), min_size=1, max_size=10))
def test_bytes_come_out_in_order_whatever_the_read_sizes(chunks, sizes):
    ours, peer = socket.socketpair()
    ours.setblocking(False)
    try:
        sock = BufferedSocket(ours)
        for chunk in chunks:
            peer.sendall(chunk)
        assert read_all(sock, sizes) == b"".join(chunks)
        assert sock.pending() == 0
    finally:
        ours.close()
        peer.close()


def test_small_reads_are_served_from_one_system_call(pair):
    sock, counting, peer = pair
    peer.sendall(b"\x30\x05hello" * 100)
    assert sock.fill() and counting.recvs == 1
    for _ in range(100):
        assert sock.recv(1) == b"\x30" and sock.recv(1) == b"\x05" and sock.recv(5) == b"hello"
    assert counting.recvs == 1 and sock.pending() == 0


def test_an_empty_socket_would_block_and_the_end_of_the_stream_reads_empty(pair):
    sock, _, peer = pair
    assert not sock.fill()
    with pytest.raises(BlockingIOError):
        sock.recv(1)
    peer.sendall(b"ab")
    peer.close()
    assert sock.recv(10) == b"ab"
    assert sock.fill(), "the end of the stream is something for paho to read"
    assert sock.recv(1) == b""


def test_a_read_error_reaches_the_next_read(pair):
    sock, counting, _ = pair

    def broken(size: int) -> bytes:
        raise ConnectionResetError("reset by peer")

    counting.recv = broken
    assert sock.fill(), "an error is something for paho to read"
    with pytest.raises(ConnectionResetError):
        sock.recv(1)


def test_writes_wait_for_a_flush_and_leave_in_one_call(pair):
    sock, counting, peer = pair
    for mid in range(200):
        assert sock.send(bytes([0x40, 2, mid >> 8, mid & 0xFF])) == 4
    assert counting.sends == 0 and sock.unsent() == 800
    sock.flush()
    assert counting.sends == 1 and sock.unsent() == 0
    assert peer.recv(4096) == b"".join(bytes([0x40, 2, m >> 8, m & 0xFF]) for m in range(200))


def test_a_large_write_goes_out_at_once_and_close_sends_the_rest(pair):
    sock, counting, peer = pair
    sock.send(b"x" * WRITE_LIMIT)
    assert counting.sends >= 1
    sock.send(b"bye")
    assert not sock.closed
    sock.close()
    assert sock.closed
    received = bytearray()
    while chunk := peer.recv(1 << 16):
        received += chunk
    assert bytes(received) == b"x" * WRITE_LIMIT + b"bye"


def test_a_write_to_a_closed_peer_is_dropped_not_raised(pair):
    sock, _, peer = pair
    peer.close()
    sock.send(b"\x40\x02\x00\x01")
    sock.flush()
    assert sock.unsent() == 0

"""The services lock: reads run together, a write runs alone and is not starved by readers."""

from __future__ import annotations

import threading
import time

from integrations.api.rwlock import ReadWriteLock


def test_readers_overlap() -> None:
    lock = ReadWriteLock()
    inside, most = 0, 0
    guard = threading.Lock()
    all_in = threading.Barrier(4, timeout=5)

    def read() -> None:
        nonlocal inside, most
        with lock.reading():
            with guard:
                inside += 1
                most = max(most, inside)
            all_in.wait()  # would time out if readers excluded each other
            with guard:
                inside -= 1

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert most == 4


def test_a_writer_waits_for_readers_and_holds_new_readers_back() -> None:
    lock = ReadWriteLock()
    events: list[str] = []
    reader_in, writer_waiting = threading.Event(), threading.Event()

    def first_reader() -> None:
        with lock.reading():
            reader_in.set()
            writer_waiting.wait(timeout=5)
            time.sleep(0.1)
            events.append("reader 1 out")

    def writer() -> None:
        reader_in.wait(timeout=5)
        writer_waiting.set()
        with lock.writing():
            events.append("writer in")
            with lock.reading():  # a writer may read its own write
                events.append("writer reads")
            with lock.writing():
                events.append("writer again")

    def late_reader() -> None:
        writer_waiting.wait(timeout=5)
        time.sleep(0.05)
        with lock.reading():
            events.append("reader 2 in")

    threads = [threading.Thread(target=f) for f in (first_reader, writer, late_reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert events == ["reader 1 out", "writer in", "writer reads", "writer again", "reader 2 in"]

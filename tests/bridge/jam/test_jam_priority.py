"""The sender's priority and the quiet collector: what a jam changes in the process, and puts back."""

from __future__ import annotations

import gc
import os
import sys
import threading

import pytest

from bridge.jam import FreeClock, Jam, Outputs
from bridge.jam.priority import NICE, SWITCH_INTERVAL_S, Quiet, raise_priority
from engines.jam import JamControls

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux scheduling calls")


def in_thread(fn: object) -> tuple[str, int, int]:
    """raise_priority in a fresh thread: what it answered, then the OS's policy and nice for it."""
    got: list[tuple[str, int, int]] = []

    def run() -> None:
        answer = raise_priority()  # type: ignore[operator]
        tid = threading.get_native_id()
        got.append((answer, os.sched_getscheduler(tid), os.getpriority(os.PRIO_PROCESS, tid)))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return got[0]


def test_raise_priority_answers_what_the_os_then_reports_for_that_thread() -> None:
    answer, policy, nice = in_thread(raise_priority)
    assert answer in ("fifo", "nice", "normal")
    if answer == "fifo":
        assert policy == os.SCHED_FIFO
    elif answer == "nice":
        assert (policy, nice) == (os.SCHED_OTHER, NICE)
    else:
        assert policy == os.SCHED_OTHER
    assert os.sched_getscheduler(0) == os.SCHED_OTHER  # the caller's own thread is left alone


def test_quiet_is_held_once_per_holder_and_put_back_by_the_last() -> None:
    before = sys.getswitchinterval()
    Quiet.hold()
    Quiet.hold()
    try:
        assert gc.get_freeze_count() > 0
        assert sys.getswitchinterval() == pytest.approx(min(SWITCH_INTERVAL_S, before))
        Quiet.release()
        assert Quiet.held() and gc.get_freeze_count() > 0  # one holder still plays
    finally:
        Quiet.release()
    assert not Quiet.held()
    assert gc.get_freeze_count() == 0
    assert sys.getswitchinterval() == before
    Quiet.release()  # one release too many changes nothing
    assert sys.getswitchinterval() == before


def test_a_jam_keeps_the_collector_quiet_while_it_plays_and_puts_the_process_back(jack: str) -> None:
    before = sys.getswitchinterval()
    outputs = Outputs(("drums", "bass"), "jack")
    jam = Jam(FreeClock(300.0), outputs, JamControls(genre="rock", parts=("drums", "bass")), bars=2)
    try:
        jam.start()
        assert jam.player is not None
        assert Quiet.held() and gc.get_freeze_count() > 0
        assert sys.getswitchinterval() == pytest.approx(min(SWITCH_INTERVAL_S, before))
        assert jam.wait(20)
    finally:
        outputs.close()
    assert jam.player.priority in ("fifo", "nice", "normal")
    assert jam.player.priority == in_thread(raise_priority)[0]  # what this system permits
    assert not Quiet.held()
    assert gc.get_freeze_count() == 0
    assert sys.getswitchinterval() == before


def test_a_jam_without_realtime_changes_nothing_in_the_process(jack: str) -> None:
    outputs = Outputs(("bass",), "jack")
    jam = Jam(FreeClock(300.0), outputs, JamControls(genre="rock", parts=("bass",)), bars=1, realtime=False)
    try:
        jam.start()
        assert not Quiet.held() and gc.get_freeze_count() == 0
        assert jam.wait(20)
    finally:
        outputs.close()
    assert jam.player is not None and jam.player.priority == "normal"

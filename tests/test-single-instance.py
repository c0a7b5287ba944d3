#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test, run under dbus-run-session and xvfb-run: a second launch does not
open a second window, it hands its --open to the running instance."""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import check, finish  # noqa: E402

binary = sys.argv[1]


def windows():
    """The app's titled top-level windows on the X display (GDK's 1×1
    leader window has no title of ours)."""
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if '("llm-prep"' in line and "LLM Prep" in line]


def wait_for(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


primary = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    check("the first launch opens a window", wait_for(lambda: len(windows()) == 1), "\n".join(windows()))

    second = subprocess.run([binary, "--open", "kv-cache"], capture_output=True, text=True, timeout=30)
    check("a second launch with --open exits 0", second.returncode == 0, second.stderr)
    check("the running window shows the question",
          wait_for(lambda: any("KV Cache" in w for w in windows())), "\n".join(windows()))
    check("there is still one window", len(windows()) == 1, "\n".join(windows()))
    check("the first instance is still running", primary.poll() is None)

    third = subprocess.run([binary, "--open", "no-such-question"], capture_output=True, text=True, timeout=30)
    check("a second launch with an unknown ID exits 1", third.returncode == 1, third.stderr)
    check("and leaves the window as it was", any("KV Cache" in w for w in windows()), "\n".join(windows()))
finally:
    primary.terminate()
    try:
        primary.wait(timeout=10)
    except subprocess.TimeoutExpired:
        primary.kill()

finish()

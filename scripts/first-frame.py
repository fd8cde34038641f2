#!/usr/bin/env python3
# Time from launch to the interface's first frame (the header drawn on a pseudo-terminal), median of 11 runs.
# Usage: scripts/first-frame.py .build/release/catalyse [ARGUMENTS...]
#   e.g. scripts/first-frame.py .build/release/catalyse --catalogue big.catalyse
import os, pty, time, sys, statistics, select, signal
def once(binary, args):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_STATE_HOME="/tmp/ff-state")
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + args, env)
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 60)
        if not r: break
        try: data = os.read(fd, 65536)
        except OSError: break
        buf += data
        if b"offres" in buf: break
    elapsed = (time.perf_counter() - t) * 1000
    os.kill(pid, signal.SIGTERM); os.waitpid(pid, 0); os.close(fd)
    return elapsed
binary, args = sys.argv[1], sys.argv[2:]
ts = [once(binary, args) for _ in range(11)]
print("first frame median ms %.1f (min %.1f, max %.1f)" % (statistics.median(ts), min(ts), max(ts)))

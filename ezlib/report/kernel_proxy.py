"""The stand-in jupyter_client launches as a forked kernel's command (see kernel_server).

It asks the kernel server named by ``EZLIB_KERNEL_SERVER`` for a kernel, hands it its stdin,
stdout, stderr, folder and environment, forwards the signals it receives, and lives exactly as
long as the kernel: jupyter_client sees it as the kernel process. It runs as a script, by
path, and imports nothing heavy, so it starts in a few milliseconds.

Usage: ``python ezlib/report/kernel_proxy.py CONNECTION_FILE``.
"""

import contextlib
import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

# The runner starts kernels only once the server listens; a refused connection means a server
# that died without removing its socket, a missing socket one that exited.
CONNECT_TIMEOUT = 2.0
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1)


def connect(address: str) -> socket.socket:
    """Connect to the kernel server; exit with a message when there is none."""
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(address)
            return sock
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            sock.close()
            if isinstance(exc, FileNotFoundError) or time.monotonic() > deadline:
                sys.exit(f"ezlib kernel proxy: no kernel server at {address} ({exc})")
            time.sleep(0.01)


def main(connection_file: str) -> None:
    """Obtain a kernel for ``connection_file`` and stand in for it until it exits."""
    address = os.environ.get("EZLIB_KERNEL_SERVER")
    if not address:
        sys.exit("ezlib kernel proxy: EZLIB_KERNEL_SERVER is not set")
    sock = connect(address)
    request = {"connection_file": connection_file, "cwd": str(Path.cwd()), "env": dict(os.environ)}
    socket.send_fds(sock, [b"K"], [0, 1, 2])
    sock.sendall(json.dumps(request).encode() + b"\n")

    def forward(number: int, _frame: object) -> None:
        with contextlib.suppress(OSError):  # the kernel is already gone
            sock.sendall(b"%d\n" % number)

    for signum in FORWARDED:
        signal.signal(signum, forward)
    while sock.recv(64):
        pass


if __name__ == "__main__":
    main(sys.argv[1])

"""A warm process that forks ready-imported IPython kernels on request.

Every report notebook starts a kernel and imports pandas, matplotlib and ezlib: about 1.4 s of
CPU per notebook on the reference machine, most of a report build. This server imports ipykernel
and the notebooks' modules once; each kernel is then a ``fork`` of it, a fresh process with an
empty namespace whose imports are already in ``sys.modules``. What the notebook computes is the
same as in a kernel started from scratch (``tests/notebooks/test_kernels.py`` compares them).

Protocol, on a Unix socket: the stand-in process (``ezlib/report/kernel_proxy.py``, which
jupyter_client launches as the kernel's command) connects, passes its stdin, stdout and stderr
with one byte, then sends one JSON line ``{"connection_file", "cwd", "env"}``. The server forks;
the child becomes the kernel with the stand-in's descriptors, working folder and environment.
The socket then links the two processes: signal numbers the stand-in receives are forwarded
as lines, the kernel dies when the stand-in does (EOF), and the stand-in exits when the kernel
does. So jupyter_client's interrupt, terminate and kill work as with a plain kernel.

Run: ``python -m ezlib.report.kernel_server SOCKET MODULE...`` (``ezlib.report.kernels`` does it).
"""

from __future__ import annotations

import importlib
import json
import os
import select
import signal
import socket
import sys
import threading
from pathlib import Path

from ezlib.faces import resolve_face

# What every kernel imports before the notebook's first cell: the kernel, its inline
# backend, and what the kernel imports as it starts (its debugger, debugpy, alone cost a
# forked kernel 0.2 s of CPU; the history's sqlite3; tornado's queues; pdb).
KERNEL_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "matplotlib_inline.backend_inline",
    "sqlite3",
    "tornado.queues",
    "pdb",
)
MAX_REQUEST = 1 << 22


def preload(modules: list[str]) -> list[str]:
    """Import modules once for every kernel to come; return those that failed to import.

    A module that fails here is left for the notebook to import and report itself.
    """
    failed = []
    for name in (*KERNEL_MODULES, *modules):
        try:
            module = importlib.import_module(name)
            if name.split(".")[0] == "ezlib":
                resolve_face(module)  # ``from ezlib import load_facts`` loads on first use
        except Exception:  # the notebook shows the real error
            failed.append(name)
    return failed


def _read_request(conn: socket.socket) -> tuple[dict, list[int]]:
    """Read the stand-in's descriptors and its JSON request line."""
    _, fds, _, _ = socket.recv_fds(conn, 1, 3)
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ConnectionError(f"expected stdin, stdout and stderr, got {len(fds)} descriptors")
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk or len(data) > MAX_REQUEST:
            raise ConnectionError("incomplete kernel request")
        data += chunk
    return json.loads(data), fds


def _watch(conn: socket.socket) -> None:
    """In the kernel: act on signals forwarded by the stand-in; die with it."""
    pending = b""
    while True:
        try:
            chunk = conn.recv(64)
        except OSError:
            chunk = b""
        if not chunk:
            os.kill(os.getpid(), signal.SIGKILL)
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.strip().isdigit():
                os.kill(os.getpid(), int(line))


def _become_kernel(conn: socket.socket, request: dict, fds: list[int]) -> None:
    """In the forked child: take over the stand-in's context and run an IPython kernel."""
    os.setsid()  # as jupyter_client starts kernels: out of the terminal's reach (Ctrl-C)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for target, fd in zip((0, 1, 2), fds, strict=True):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    import ipykernel_launcher
    from ipykernel.kernelapp import IPKernelApp

    sys.argv = [ipykernel_launcher.__file__, "-f", request["connection_file"]]
    threading.Thread(target=_watch, args=(conn,), daemon=True).start()
    # ipykernel reads JPY_PARENT_PID when it is imported, which was in the server.
    parent = int(os.environ.get("JPY_PARENT_PID") or 0)
    IPKernelApp.launch_instance(argv=[*sys.argv[1:], f"--IPKernelApp.parent_handle={parent}"])


def _fork_kernel(listener: socket.socket, conn: socket.socket) -> None:
    """Fork one kernel for the stand-in on ``conn``."""
    try:
        request, fds = _read_request(conn)
    except (ConnectionError, OSError, ValueError) as exc:
        print(f"ezlib kernel server: bad request: {exc}", file=sys.stderr)
        conn.close()
        return
    if os.fork() == 0:
        code = 1
        try:
            listener.close()
            _become_kernel(conn, request, fds)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # reported; the child must not return
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    for fd in fds:
        os.close(fd)
    conn.close()


def serve(address: str, modules: list[str]) -> None:
    """Listen on ``address``, preload ``modules`` and fork a kernel per connection.

    The socket is bound before the imports, so stand-ins may connect at once: they wait in
    the backlog. The server exits when its parent (the report runner) goes away.

    Args:
        address: The Unix socket's path.
        modules: The notebooks' imports.
    """
    # As ipykernel_launcher does: the server's folder is not the kernels' import path.
    if sys.path and sys.path[0] in ("", str(Path.cwd())):
        del sys.path[0]
    # What ipykernel would set; matplotlib reads it when pyplot is first imported.
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    parent = os.getppid()
    failed = preload(modules)
    if failed:
        print(f"ezlib kernel server: not preloaded: {', '.join(failed)}", file=sys.stderr)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while os.getppid() == parent:
            ready, _, _ = select.select([listener], [], [], 0.5)
            if ready:
                conn, _ = listener.accept()
                _fork_kernel(listener, conn)
    finally:
        listener.close()
        Path(address).unlink(missing_ok=True)


if __name__ == "__main__":
    try:
        serve(sys.argv[1], sys.argv[2:])
    except SystemExit as stop:  # SIGTERM, from the runner at the end of its build
        if stop.code not in (None, 0):
            raise
    # Its socket is gone and its kernels are the system's to reap: leave without tearing down
    # every preloaded module, which kept the runner waiting a third of a second per build.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)

"""Kernels for the report runner: forked from one warm process where the system allows it.

``make report`` starts one kernel server (``ezlib.report.kernel_server``) that imports what the
configured notebooks import, and runs every notebook in a kernel forked from it: the kernel
start and the imports, most of the work of a report, are paid once instead of once per run.
Set ``EZLIB_KERNELS=plain`` (or run on a system other than Linux, where forking a process that
has imported these libraries is not safe) to start every kernel from scratch instead.

One difference is visible: whatever a module prints or warns while it is imported goes to the
server's stderr (the terminal), not into the notebook, because the import happened there.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from queue import Empty

import zmq
from jupyter_client import AsyncKernelClient, AsyncKernelManager
from traitlets import DottedObjectName, Type

from ezlib.errors import EzlibError

SERVER_ENV = "EZLIB_KERNEL_SERVER"
MODE_ENV = "EZLIB_KERNELS"
MODES = ("fork", "plain")
PROXY = Path(__file__).with_name("kernel_proxy.py")
SERVER_START_TIMEOUT = 20.0
RECONNECT_MS = 5
"""How often a client's channels retry to connect to a kernel that has not bound them yet."""


def fork_kernels_enabled() -> bool:
    """Tell whether kernels are forked: on Linux, unless ``EZLIB_KERNELS=plain``.

    Raises:
        EzlibError: If ``EZLIB_KERNELS`` is set to anything but ``fork`` or ``plain``.
    """
    mode = os.environ.get(MODE_ENV) or "fork"
    if mode not in MODES:
        raise EzlibError(f"{MODE_ENV}={mode!r} is not one of: {', '.join(MODES)}")
    return sys.platform == "linux" and mode == "fork"


def notebook_imports(notebooks: Iterable[Path]) -> list[str]:
    """Return the modules the notebooks' code cells import, in order of first appearance.

    Lines that are IPython magics or shell escapes are skipped; a cell that still does not
    parse contributes nothing (the kernel reports it when it runs).

    Args:
        notebooks: Notebook files.

    Returns:
        Module names, e.g. ``["IPython.display", "ezlib.data.load"]``.
    """
    modules: dict[str, None] = {}
    for path in notebooks:
        # Plain JSON: nbformat costs more to import than the whole scan.
        cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            lines = "".join(cell.get("source", "")).splitlines()  # a list of lines or one str
            code = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
            try:
                tree = ast.parse(code)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules.update(dict.fromkeys(alias.name for alias in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules[node.module] = None
    return list(modules)


class QuickKernelClient(AsyncKernelClient):
    """jupyter_client's async client without its fixed waits for a kernel that is ready.

    Upstream ``wait_for_ready`` ends by waiting 0.2 s for IOPub to fall quiet, which is a
    fifth of a forked kernel's whole run; here the messages already sent are drained and
    nothing more is waited for (nbclient ignores IOPub messages that answer other requests).
    """

    def start_channels(self, *args, **kwargs) -> None:
        """Start the channels, retrying every few milliseconds until the kernel listens.

        They connect before the forked kernel has bound its sockets, and ZeroMQ retries a
        refused connection every 100 ms by default: a wait of up to a tenth of a second.
        """
        self.context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)
        super().start_channels(*args, **kwargs)

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Wait until the kernel answers ``kernel_info`` on shell and IOPub.

        Args:
            timeout: Seconds before giving up; no limit when None.

        Raises:
            RuntimeError: If the kernel dies or does not answer in time.
        """
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:  # IOPub is connected once the kernel's status reaches it
                    await self.iopub_channel.get_msg(timeout=0.2)
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=0.01)
            except Empty:
                break


class ForkKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel is forked by the server named in ``EZLIB_KERNEL_SERVER``.

    The kernel spec is the one asked for (``python3``) with its command replaced by the
    stand-in ``ezlib/report/kernel_proxy.py``; everything else (connection file, transport,
    interrupt, shutdown) is jupyter_client's own, with shorter polls: a forked kernel is
    ready, and gone once killed, within milliseconds.
    """

    # Both traits: AsyncKernelManager gives ``client_factory`` a fixed default, so naming the
    # class in ``client_class`` alone left every run on upstream's client and its waits.
    client_class = DottedObjectName("ezlib.report.kernels.QuickKernelClient")
    client_factory = Type(QuickKernelClient, klass=AsyncKernelClient)

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        # Upstream polls every 0.1 s for the killed kernel to be gone.
        await super()._async_wait(pollinterval=pollinterval)

    @property
    def kernel_spec(self):
        """The requested kernel spec, launched through the kernel server."""
        spec = super().kernel_spec
        if spec is not None:
            spec.argv = [sys.executable, str(PROXY), "{connection_file}"]
        return spec


def kernel_manager_class() -> type[AsyncKernelManager]:
    """Return the kernel manager for the next run: forked when a kernel server is up."""
    return ForkKernelManager if os.environ.get(SERVER_ENV) else AsyncKernelManager


def _start_server(address: str, modules: list[str]) -> subprocess.Popen | None:
    """Start the server and wait until it listens (it binds before importing anything heavy).

    Returns None, after saying why on stderr, when it does not come up: the runner then starts
    kernels plainly.
    """
    server = subprocess.Popen(
        # Frozen modules off, as ipykernel's own kernel spec starts a kernel: its debugger
        # (preloaded) then sees every module's source, and says nothing about it on stderr.
        [
            sys.executable,
            "-Xfrozen_modules=off",
            "-m",
            "ezlib.report.kernel_server",
            address,
            *modules,
        ],
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while not Path(address).exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            server.wait()
            print(
                f"ezlib: the kernel server did not start (exit code {server.returncode}); "
                "starting every kernel plainly",
                file=sys.stderr,
            )
            return None
        time.sleep(0.005)
    return server


@contextlib.contextmanager
def kernel_server(notebooks: Iterable[Path]) -> Iterator[str | None]:
    """Run a kernel server for the notebooks while the block runs (when forking is enabled).

    The server's address is put in ``EZLIB_KERNEL_SERVER`` for the block, so processes forked
    or started inside it (the runner's workers) use it. The server imports the notebooks'
    modules in the background while the caller goes on; kernels asked for meanwhile wait.

    Args:
        notebooks: The notebooks that will run; their imports are preloaded.

    Yields:
        The server's socket path, or None when kernels are started plainly.
    """
    if not fork_kernels_enabled():
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="ezlib-kernels-") as folder:
        address = str(Path(folder) / "server.sock")
        server = _start_server(address, notebook_imports(notebooks))
        if server is None:
            yield None
            return
        previous = os.environ.get(SERVER_ENV)
        os.environ[SERVER_ENV] = address
        try:
            yield address
        finally:
            if previous is None:
                os.environ.pop(SERVER_ENV, None)
            else:
                os.environ[SERVER_ENV] = previous
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

"""Forked kernels: the same results as plain kernels, and jupyter_client's controls still work."""

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import zmq
from jupyter_client import AsyncKernelManager

from ezlib.errors import EzlibError
from ezlib.paths import project_root
from ezlib.report.config import load_runs
from ezlib.report.kernels import (
    RECONNECT_MS,
    ForkKernelManager,
    QuickKernelClient,
    _start_server,
    kernel_manager_class,
    kernel_server,
    notebook_imports,
)
from ezlib.report.runner import execute_run, notebook_output

pytestmark = [
    pytest.mark.notebook,
    pytest.mark.skipif(sys.platform != "linux", reason="kernels are forked on Linux only"),
]

NOTEBOOKS = sorted((project_root() / "notebooks").glob("*.ipynb"))


@pytest.fixture
def server(monkeypatch):
    monkeypatch.delenv("EZLIB_KERNELS", raising=False)
    with kernel_server(NOTEBOOKS) as address:
        assert address is not None
        yield address


async def _with_kernel(cwd, code_and_checks):
    """Start a forked kernel in ``cwd``, run ``code_and_checks(km, kc)``, kill the kernel."""
    km = ForkKernelManager(kernel_name="python3")
    await km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        return await code_and_checks(km, kc)
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)


async def _run(kc, code, timeout=60):
    """Execute code; return its stdout text and the reply's content."""
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])

    reply = await kc.execute_interactive(code, output_hook=hook, timeout=timeout)
    return "".join(out), reply["content"]


def _gone(pid, within=5.0):
    deadline = time.monotonic() + within
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def test_notebook_imports_are_read_from_code_cells_past_magics(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("import not_this"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport os.path, json\nfrom a.b import c"),
        nbformat.v4.new_code_cell("!pip list\nfrom . import relative\nimport json"),
        nbformat.v4.new_code_cell("def broken(:\n    import never"),
    ]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, str(path))
    assert notebook_imports([path]) == ["os.path", "json", "a.b"]


def test_the_report_notebooks_imports_are_found():
    modules = notebook_imports(NOTEBOOKS)
    assert {"ezlib", "ezlib.report", "ezlib.progress", "IPython.display"} <= set(modules)


def test_preloading_a_package_face_imports_what_it_exports():
    # The notebooks import from the lazy faces (``from ezlib import load_facts``): the server
    # must import the modules behind them, or every forked kernel would import them again.
    code = (
        "import sys; from ezlib.report.kernel_server import preload; "
        "failed = preload(['ezlib', 'ezlib.report']); "
        "print(failed, all(m in sys.modules for m in "
        "('ezlib.data.load', 'ezlib.progress.zone', 'ezlib.report.charts')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True"]


def test_plain_kernels_when_asked(monkeypatch):
    monkeypatch.setenv("EZLIB_KERNELS", "plain")
    with kernel_server(NOTEBOOKS) as address:
        assert address is None
        assert kernel_manager_class() is AsyncKernelManager


def test_a_server_that_cannot_start_falls_back_to_plain_kernels(tmp_path, capsys):
    assert _start_server(str(tmp_path / "missing" / "server.sock"), []) is None
    assert "kernel server did not start (exit code 1); starting every kernel plainly" in (
        capsys.readouterr().err
    )


def test_an_unknown_kernel_mode_is_an_error_listing_the_valid_ones(monkeypatch):
    monkeypatch.setenv("EZLIB_KERNELS", "plian")
    with pytest.raises(EzlibError, match=r"EZLIB_KERNELS='plian' is not one of: fork, plain"):
        kernel_server(NOTEBOOKS).__enter__()


def test_a_forked_kernel_has_the_preloads_and_the_callers_folder_and_env(server, tmp_path):
    assert kernel_manager_class() is ForkKernelManager
    os.environ["EZLIB_TEST_MARK"] = "xin chào"
    try:

        async def checks(km, kc):
            out, _ = await _run(
                kc,
                "import os, sys, json; print(json.dumps([os.getcwd(), "
                "os.environ.get('EZLIB_TEST_MARK'), 'ezlib.report.charts' in sys.modules, "
                "os.getpid()]))",
            )
            return json.loads(out)

        cwd, mark, preloaded, pid = asyncio.run(_with_kernel(tmp_path, checks))
    finally:
        del os.environ["EZLIB_TEST_MARK"]
    assert cwd == str(tmp_path)
    assert mark == "xin chào"
    assert preloaded  # imported by the server, not by this code
    assert pid != os.getpid()
    assert _gone(pid), "the forked kernel outlived its kill"


def test_a_forked_kernel_is_driven_by_the_quick_client(server, tmp_path):
    async def checks(km, kc):
        out, _ = await _run(kc, "print(6 * 7)")
        return kc, kc.shell_channel.socket.getsockopt(zmq.RECONNECT_IVL), out

    client, reconnect, out = asyncio.run(_with_kernel(tmp_path, checks))
    assert type(client) is QuickKernelClient  # not upstream's, whose readiness waits 0.2 s
    assert reconnect == RECONNECT_MS
    assert out.strip() == "42"


def test_a_forked_kernel_can_be_interrupted_and_keeps_its_state(server, tmp_path):
    async def checks(km, kc):
        await _run(kc, "x = 41")
        msg_id = kc.execute("import time; time.sleep(60)")
        await asyncio.sleep(1.0)
        await km.interrupt_kernel()
        reply = await kc._async_recv_reply(msg_id, timeout=20)
        out, _ = await _run(kc, "print(x + 1)")
        return reply["content"], out

    content, out = asyncio.run(_with_kernel(tmp_path, checks))
    assert content["status"] == "error"
    assert content["ename"] == "KeyboardInterrupt"
    assert out.strip() == "42"


def test_a_forked_kernel_stops_with_a_graceful_shutdown(server, tmp_path):
    async def run():
        km = ForkKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        out, _ = await _run(kc, "import os; print(os.getpid())")
        kc.stop_channels()
        await km.shutdown_kernel(now=False)
        return int(out), await km.is_alive()

    pid, alive = asyncio.run(run())
    assert not alive
    assert _gone(pid)


def _outputs(path: Path) -> list:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [
        [{k: v for k, v in out.items() if k != "execution_count"} for out in cell["outputs"]]
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
    ]


def test_a_report_is_the_same_from_a_forked_and_a_plain_kernel(tmp_path, monkeypatch):
    run = next(r for r in load_runs() if r.slug == "01_zone_report__th-zones_en")
    outputs = {}
    for mode in ("plain", "fork"):
        monkeypatch.setenv("EZLIB_BUILD_DIR", str(tmp_path / mode))
        monkeypatch.setenv("EZLIB_KERNELS", mode)
        with kernel_server([run.path]):
            outcome = execute_run(run)
        assert outcome.status == "ok", outcome.error
        outputs[mode] = _outputs(notebook_output(run))
    assert any("image/png" in out.get("data", {}) for cell in outputs["fork"] for out in cell)
    assert outputs["fork"] == outputs["plain"]


def test_the_server_goes_when_its_runner_dies(tmp_path):
    # The runner exits without its clean-up; the server must notice and go.
    script = (
        "import os, pathlib\n"
        "from ezlib.report.kernels import kernel_server\n"
        "with kernel_server([]) as address:\n"
        "    for p in pathlib.Path('/proc').glob('[0-9]*/cmdline'):\n"
        "        if address.encode() in p.read_bytes():\n"
        "            print(address, p.parent.name, flush=True)\n"
        "    os._exit(0)\n"
    )
    log = tmp_path / "out.txt"
    with log.open("w") as out:  # a file, not a pipe the server would hold open
        subprocess.run([sys.executable, "-c", script], stdout=out, check=True)
    address, pid = log.read_text().split()
    try:
        assert _gone(int(pid))
        assert not Path(address).exists()
    finally:
        if not _gone(int(pid), within=0):
            os.kill(int(pid), 9)
        Path(address).unlink(missing_ok=True)
        Path(address).parent.rmdir()

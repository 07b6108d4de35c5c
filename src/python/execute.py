"""Execute notebooks through the tslab kernel and export them to HTML, in one Python process.

Called by `npm run report` / `npm run refresh` (dist/cli/report.js); not meant to be run by hand.

    python execute.py --out DIR [--timeout S] [--workers N] [--html] NOTEBOOK...

For each notebook it writes DIR/<name>.ipynb (the executed notebook) and, with --html,
DIR/<name>.html (nbconvert's lab template, without any CDN script; plotly outputs are turned
into placeholders that ../assets/selloff-charts.js draws with ../assets/plotly-basic.min.js
when every trace of the page is of a type in --basic-traces, else with ../assets/plotly.min.js;
a page without a chart loads neither).
Notebooks run concurrently (--workers kernels at a time), the ones with the most code cells
first, so that a long notebook does not start last and run alone while the other cores idle.
The HTML export runs on a thread of its own (nbconvert is imported there while the first
kernels start), so the event loop keeps serving the kernels while a page is exported. On
stdout it prints one JSON line per notebook as soon as it is done (executed copy and page
written): {"notebook", "ok", "seconds", "error"?: {"cell", "message"}}. Exit code 0 when every
notebook ran without error, 1 otherwise, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

PLOTLY_MIME = "application/vnd.plotly.v1+json"
KERNEL_NAME = "selloff-lab"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def chart_placeholder(figure: dict, fallback_id: str) -> str:
    """The HTML that stands for one plotly figure in an exported page.

    Mirrors chartPlaceholderHtml() in src/report/export.ts: a div and the figure as JSON in a
    <script type="application/json">, with <, > and & escaped so that text from the articles can
    never close the script element.
    """
    meta = (figure.get("layout") or {}).get("meta") or {}
    chart = meta.get("chart") if isinstance(meta, dict) else None
    chart_id = str((chart or {}).get("id") or fallback_id)
    data = json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    dom_id = "chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", chart_id)
    return (
        f'<div class="selloff-chart" id="{html.escape(dom_id)}" data-chart-id="{html.escape(chart_id)}"></div>\n'
        f'<script type="application/json" class="selloff-chart-data" data-for="{html.escape(dom_id)}">{data}</script>\n'
    )


def for_export(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """A copy of `nb` in which every plotly output is replaced by its HTML placeholder."""
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    n = 0
    for cell in copy.cells:
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data and PLOTLY_MIME in data:
                n += 1
                out["data"] = {"text/html": chart_placeholder(data[PLOTLY_MIME], f"{stem}-{n}")}
    return copy


def make_exporter():
    from nbconvert import HTMLExporter

    here = Path(__file__).resolve().parent
    exporter = HTMLExporter(
        template_name="selloff",
        extra_template_basedirs=[str(here / "templates")],
    )
    exporter.exclude_input_prompt = False
    return exporter


def error_of(nb, cell_index: int | None, exc: BaseException, timeout: int) -> dict:
    """The failing cell (1-based index among all cells, markdown included) and a short message."""
    if isinstance(exc, CellTimeoutError):
        kind = "timed out"
    elif isinstance(exc, DeadKernelError):
        kind = "kernel died"
    else:
        kind = "failed"
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    # tslab reports a failing cell as stderr text (its error reply has ename "<Error>" and no
    # value): the message is that text without the stack frames
    stderr = ""
    if cell_index is not None and cell_index < len(nb.cells):
        for out in nb.cells[cell_index].get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                stderr += out.get("text", "")
            elif out.get("output_type") == "error":
                stderr += f"{out.get('ename')}: {out.get('evalue')}\n"
    stderr_lines = [l for l in ANSI.sub("", stderr).splitlines() if l.strip() and not l.lstrip().startswith("at ")]
    text = ANSI.sub("", str(exc)).strip()
    lines = [l for l in text.splitlines() if l.strip() and not set(l.strip()) <= {"-"}]
    if kind == "timed out":
        message = f"no result after {timeout} s, the per-cell limit (the report's --timeout option sets it); the kernel was stopped"
    elif kind == "kernel died":
        message = "the kernel process ended while the cell ran (out of memory, or a crash in native code)"
    elif stderr_lines:
        message = "\n".join(stderr_lines[:12])
    elif ename and evalue and not ename.startswith("<"):
        message = f"{ename}: {ANSI.sub('', str(evalue)).strip()}"
    else:
        # nbclient's message opens with the cell source; the error text is at its end
        message = "\n".join(lines[-8:]) if lines else kind
    return {"cell": None if cell_index is None else cell_index + 1, "kind": kind, "message": message}


def code_cells(path: Path) -> int:
    """How many code cells a notebook has: the estimate of its cost that orders the runs."""
    try:
        return sum(1 for c in json.loads(path.read_text(encoding="utf-8")).get("cells", []) if c.get("cell_type") == "code")
    except (OSError, ValueError):
        return 0


def longest_first(paths: list[str]) -> list[str]:
    """The notebooks, most code cells first (ties in the order given): longest-processing-time
    scheduling, so the last notebook to finish is a short one."""
    return [p for _, _, p in sorted((-code_cells(Path(p)), i, p) for i, p in enumerate(paths))]


def plotly_script(nb, basic_traces: frozenset) -> str:
    """The plotly.js a page loads from ../assets/: none without a chart, the basic bundle when
    every trace is of a basic type (a trace without a type is a scatter), else the full one.
    Mirrors basicBundleDraws() in src/report/export.ts, which passes the basic types."""
    figures = [out["data"][PLOTLY_MIME] for cell in nb.cells for out in cell.get("outputs", []) if PLOTLY_MIME in (out.get("data") or {})]
    if not figures:
        return ""
    basic = all(str((t or {}).get("type") or "scatter") in basic_traces for f in figures for t in f.get("data") or [])
    return "plotly-basic.min.js" if basic else "plotly.min.js"


def write_outputs(nb, path: Path, out_dir: Path, exporter, basic_traces: frozenset) -> None:
    """Writes the executed notebook and, with an exporter, its HTML page (runs on the export thread)."""
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, out_dir / path.name)
    if exporter is not None:
        resources = {"selloff_plotly": plotly_script(nb, basic_traces)}
        body, _ = exporter.from_notebook_node(for_export(nb, path.stem), resources=resources)
        (out_dir / (path.stem + ".html")).write_text(body, encoding="utf-8")


async def run_one(path: Path, out_dir: Path, timeout: int, sem: asyncio.Semaphore, export) -> dict:
    async with sem:
        t0 = time.monotonic()
        nb = nbformat.read(path, as_version=4)
        current = {"index": None}

        def on_cell_start(cell, cell_index):
            current["index"] = cell_index

        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name=KERNEL_NAME,
            record_timing=False,
            allow_errors=False,
            resources={"metadata": {"path": str(path.parent)}},
            on_cell_start=on_cell_start,
            # kernels start slowly on a loaded 2-core machine; 60 s (the default) was seen to be too short
            startup_timeout=180,
            # every output has arrived when the last cell is idle: stop the kernel at once rather
            # than wait for it to exit (0.1-0.6 s a notebook, inside a worker's slot)
            shutdown_kernel="immediate",
        )
        result = {"notebook": str(path), "ok": True}
        try:
            await client.async_execute()
            # tslab reports some failures only as stderr text with an error reply; nbclient
            # raises for the reply, and this catches any stderr that slipped through.
            for i, cell in enumerate(nb.cells, start=1):
                for out in cell.get("outputs", []):
                    if out.get("output_type") == "stream" and out.get("name") == "stderr":
                        current["index"] = i - 1
                        raise CellExecutionError(f"stderr output: {out.get('text', '')}", "stderr", "")
        except BaseException as exc:  # noqa: BLE001 - any failure is reported, never swallowed
            result["ok"] = False
            result["error"] = error_of(nb, current["index"], exc, timeout)
        result["seconds"] = round(time.monotonic() - t0, 3)
    # the worker's slot is free again: the next notebook's kernel starts while this one is written
    if result["ok"]:
        await export(nb, path)
    return result


async def main_async(args) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    loop = asyncio.get_running_loop()
    basic_traces = frozenset(t for t in args.basic_traces.split(",") if t)
    # one thread for every export: nbconvert's exporter is used by one thread only, and its
    # import (about a second) happens there while the first kernels start
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
    exporter = loop.run_in_executor(pool, make_exporter) if args.html else None

    async def export(nb, path: Path) -> None:
        ready = await exporter if exporter is not None else None
        await loop.run_in_executor(pool, write_outputs, nb, path, out_dir, ready, basic_traces)

    sem = asyncio.Semaphore(max(1, args.workers))
    tasks = [asyncio.ensure_future(run_one(Path(p), out_dir, args.timeout, sem, export)) for p in longest_first(args.notebooks)]
    ok = True
    try:
        for coro in asyncio.as_completed(tasks):
            result = await coro
            ok = ok and result["ok"]
            print(json.dumps(result, ensure_ascii=False), flush=True)
    finally:
        pool.shutdown(wait=True)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=120, help="seconds per cell")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--html", action="store_true")
    parser.add_argument("--basic-traces", default="", help="trace types plotly's basic bundle draws, comma-separated")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())

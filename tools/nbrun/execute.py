"""Execute notebooks headless through the GoNB kernel, one kernel per notebook.

A notebook fails at its first cell that produces an error output, writes to
stderr (GoNB reports a failing `!` shell command only that way), times out or
kills the kernel. The failure names the notebook, the cell and the message.
A cell tagged `raises-exception` may error; one tagged `allow-stderr` may
write to stderr.
"""

import os
import re
import time
from html.parser import HTMLParser

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

COURSE_MODULE = "github.com/nncourse/optimizers"
SETUP_MARKER = "-replace=" + COURSE_MODULE + "="
KERNEL = "gonb"
# The first cell of every course notebook, exactly (notebooks/README.md).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "first_cell.txt")) as f:
    FIRST_CELL = f.read().rstrip("\n")


class NotebookError(Exception):
    """A notebook that failed: str() names the notebook, the cell and why."""


def is_setup_cell(cell, exact=False):
    """Reports whether cell is the course-module cell every notebook starts
    with: exactly FIRST_CELL when exact, else any cell making the replacement."""
    if cell.cell_type != "code":
        return False
    return cell.source.rstrip("\n") == FIRST_CELL if exact else SETUP_MARKER in cell.source


def cell_label(nb, index):
    """Names a cell for messages: its 1-based number and its first line."""
    first = next((l for l in nb.cells[index].source.splitlines() if l.strip()), "")
    return f"cell {index + 1} of {len(nb.cells)} ({first.strip()[:60]!r})"


class _TextOf(HTMLParser):
    """Collects the visible text of an HTML fragment (GoNB's error pages)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(html):
    parser = _TextOf()
    parser.feed(html)
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def cell_failure(cell):
    """Returns the error text of an executed cell, or None when it is clean."""
    tags = set(cell.get("metadata", {}).get("tags", []))
    problems, stderr = [], ""
    for i, out in enumerate(cell.get("outputs", [])):
        if out.output_type == "error" and "raises-exception" not in tags:
            # GoNB shows the compiler's message as an HTML display just before.
            before = cell.outputs[i - 1] if i else None
            if before is not None and "text/html" in before.get("data", {}):
                problems.append(html_text(before.data["text/html"]))
            problems.append(f"{out.ename}: {out.evalue}")
        elif out.output_type == "stream" and out.name == "stderr" and "allow-stderr" not in tags:
            stderr += out.text
    if stderr:
        problems.insert(0, "stderr:\n" + stderr.rstrip())
    return ANSI.sub("", "\n".join(problems)) or None


def execute(path, out_path, cell_timeout, log_path, exact_first_cell=False):
    """Executes the notebook at path, writes the executed copy to out_path and
    returns (notebook, seconds). Raises NotebookError naming the failing cell.
    With exact_first_cell the first cell must be FIRST_CELL, character for
    character (the course's own notebooks)."""
    name = os.path.basename(path)
    nb = nbformat.read(path, as_version=4)
    if not nb.cells or not is_setup_cell(nb.cells[0], exact_first_cell):
        raise NotebookError(f"{name}: cell 1 must be the course-module cell, exactly as in "
                            f"notebooks/README.md (tools/nbrun/first_cell.txt):\n{FIRST_CELL}")
    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        kernel_name=KERNEL,
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    start = time.monotonic()
    failure = None
    with open(log_path, "w") as log:
        with client.setup_kernel(stdout=log, stderr=log):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    failure = f"timed out after {cell_timeout} s"
                except DeadKernelError as err:
                    failure = f"the kernel died: {err}"
                failure = failure or cell_failure(cell)
                if failure:
                    failure = f"{name}: {cell_label(nb, index)} failed:\n{failure}\n(kernel log: {log_path})"
                    break
    seconds = time.monotonic() - start
    nbformat.write(nb, out_path)
    if failure:
        raise NotebookError(failure)
    return nb, seconds

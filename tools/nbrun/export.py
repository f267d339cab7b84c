"""Export executed notebooks as offline HTML lessons, plus the course page.

Each lesson is lessons/NN-topic.html: nbconvert's lab template with images
embedded, MathJax 2 and require.js loaded from files beside it (copied from
tools/lessons/node_modules), the course-module cell left out, and a
navigation bar and, on long lessons, a table of contents (toc.py); cells tagged remove-cell, remove-output or remove-input lose
what the tag says. lessons/index.html lists the sections with a line each.
A lesson whose outputs hold explorables (explorables.HTML) loads
explorables.js, which copy_explorables puts beside the lessons with the
WebAssembly module it loads (built by scripts/build-explorables.sh).
"""

import copy
import html
import os
import re
import shutil

from nbconvert import HTMLExporter
from traitlets.config import Config

from execute import is_setup_cell
from expect import observed
from toc import add_table_of_contents

HERE = os.path.dirname(os.path.abspath(__file__))
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE_JS = "require.js"

# The parts of the MathJax 2 package that TeX-AMS_CHTML-full uses; the rest
# (other outputs, image fonts, unpacked sources) is left behind.
MATHJAX_PARTS = [
    "MathJax.js", "LICENSE", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions",
    "jax/input/TeX", "jax/output/CommonHTML", "jax/element", "fonts/HTML-CSS/TeX/woff", "localization/en",
]


def copy_web_assets(node_modules, lessons_dir):
    """Copies MathJax's needed parts and require.js beside the lessons."""
    target = os.path.join(lessons_dir, "mathjax")
    shutil.rmtree(target, ignore_errors=True)
    for part in MATHJAX_PARTS:
        src, dst = os.path.join(node_modules, "mathjax", part), os.path.join(target, part)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        (shutil.copytree if os.path.isdir(src) else shutil.copyfile)(src, dst)
    shutil.copyfile(os.path.join(node_modules, "requirejs", "require.js"), os.path.join(lessons_dir, REQUIRE_JS))


# The files scripts/build-explorables.sh writes, copied beside the lessons.
EXPLORABLE_FILES = ["explorables.js", "explorables-wasm.js", "wasm_exec.js"]
_EXPLORABLE = re.compile(r'class="nncourse-explorable" data-explorable="')


def count_explorables(nb):
    """Returns how many explorable placeholders nb's HTML outputs hold."""
    return sum(len(_EXPLORABLE.findall("".join(out.get("data", {}).get("text/html", ""))))
               for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))


def copy_explorables(built, lessons_dir):
    """Copies the explorables' files from built (scripts/build-explorables.sh's
    folder) beside the lessons and returns their paths."""
    paths = []
    for name in EXPLORABLE_FILES:
        src = os.path.join(built, name)
        if not os.path.isfile(src):
            raise FileNotFoundError(f"{src} is missing: run scripts/build-explorables.sh {built}")
        shutil.copyfile(src, os.path.join(lessons_dir, name))
        paths.append(os.path.join(lessons_dir, name))
    return paths


def title_and_summary(nb):
    """Returns the first heading and the notebook's one-line summary: the
    metadata nncourse.summary, else the first paragraph after the heading."""
    title, summary = None, nb.metadata.get("nncourse", {}).get("summary")
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source.strip()):
            if title is None and block.startswith("# "):
                title = block.splitlines()[0][2:].strip()
            elif title is not None and not summary and not block.startswith("#"):
                summary = " ".join(block.split())
            if title and summary:
                return title, summary
    return title, summary or ""


def _exporter():
    # Cells that only make sense with a live kernel (sliders) are tagged
    # remove-output or remove-cell; remove-input shows a figure without its code.
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = ("remove-cell",)
    config.TagRemovePreprocessor.remove_all_outputs_tags = ("remove-output",)
    config.TagRemovePreprocessor.remove_input_tags = ("remove-input",)
    exporter = HTMLExporter(
        config=config,
        extra_template_basedirs=[os.path.join(HERE, "templates")],
        template_name="lesson",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.mathjax_url = MATHJAX_URL
    exporter.require_js_url = REQUIRE_JS
    return exporter


def shown(nb):
    """Returns a copy of nb as the lesson shows it: cells tagged remove-cell
    dropped, outputs of cells tagged remove-output cleared."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if "remove-cell" not in _tags(c)]
    for c in nb.cells:
        if "remove-output" in _tags(c):
            c.outputs = []
    return nb


def _tags(cell):
    return set(cell.get("metadata", {}).get("tags", []))


def export_lessons(executed, lessons_dir):
    """Writes one lesson per executed notebook (name, notebook) pair, in
    order, their shared stylesheet and the course page; returns the files'
    names and the number of explorables in the lessons."""
    exporter, entries, stylesheet = _exporter(), [], None
    for i, (name, nb) in enumerate(executed):
        stem = os.path.splitext(name)[0]
        title, summary = title_and_summary(nb)
        title = title or stem
        nb.metadata["title"] = title
        nb.cells = [c for c in nb.cells if not is_setup_cell(c)]
        lesson = shown(nb)
        _, images, animations = observed(lesson)
        nav = {
            "prev": os.path.splitext(executed[i - 1][0])[0] + ".html" if i else "",
            "next": os.path.splitext(executed[i + 1][0])[0] + ".html" if i + 1 < len(executed) else "",
            "images": images,  # the browser test checks the page holds them all
            "animations": animations,
            "explorables": count_explorables(lesson),
        }
        body, _ = exporter.from_notebook_node(nb, resources={"nncourse": nav})
        body = add_table_of_contents(body)
        body, css = split_stylesheet(body)
        if stylesheet is None:
            stylesheet = css
        elif css != stylesheet:
            raise ValueError(f"{name}: its page style differs from the other lessons'")
        with open(os.path.join(lessons_dir, stem + ".html"), "w", encoding="utf-8") as f:
            f.write(body)
        entries.append((stem, title, summary, nav["explorables"]))
    written = [stem + ".html" for stem, _, _, _ in entries] + ["index.html"]
    if stylesheet is not None:
        with open(os.path.join(lessons_dir, STYLESHEET), "w", encoding="utf-8") as f:
            f.write(stylesheet)
        written.append(STYLESHEET)
    write_index([e[:3] for e in entries], os.path.join(lessons_dir, "index.html"))
    return written, sum(e[3] for e in entries)


STYLESHEET = "lesson.css"
_MARKED_CSS = re.compile(r"<!--lesson\.css-->(.*?)<!--/lesson\.css-->", re.S)
_STYLE_TAG = re.compile(r"</?style[^>]*>")


def split_stylesheet(page):
    """Returns the page with nbconvert's style (between the template's
    lesson.css markers, a few thousand lines) replaced by a link to
    lesson.css, and that style as plain CSS."""
    m = _MARKED_CSS.search(page)
    if m is None:
        raise ValueError("lesson template: no lesson.css markers in the page")
    css = _STYLE_TAG.sub("", m.group(1)).strip() + "\n"
    link = f'<link rel="stylesheet" href="{STYLESHEET}">'
    return page[:m.start()] + link + page[m.end():], css


def write_index(entries, path):
    """Writes the course page: one linked line per section."""
    items = "\n".join(
        f'  <li><a href="{html.escape(stem)}.html">{html.escape(title)}</a>'
        f'<p>{html.escape(summary)}</p></li>'
        for stem, title, summary in entries
    )
    with open(os.path.join(HERE, "templates", "index.html")) as f:
        page = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(page.replace("{{ITEMS}}", items))

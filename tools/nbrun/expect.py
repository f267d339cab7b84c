"""What an executed notebook must show, from its metadata.

Every notebook declares its key outputs in its metadata (see notebooks/README.md):

    "nncourse": {
      "summary": "one line for the course page",
      "expect": {"contains": ["25990", "207920"], "images": 2, "animations": 0}
    }

contains: strings that must appear in the outputs (stdout, text, HTML, markdown);
  required, at least one: the numbers or words a teacher checks on screen;
images: at least this many figures (at least 1 for every notebook);
animations: at least this many animated GIFs (more than one frame each).

Every number of the prose must also be shown or vouched for: see claims.py.
"""

import base64
import re

from claims import claim_problems

IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex")
DATA_URI = re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,([A-Za-z0-9+/=\s]+)")
INLINE_SVG = re.compile(r"<svg[\s>]")
# Markdown the exported lesson cannot show: code and $-math are cut out first,
# then a single-backslash \( or \[ is math that nbconvert's Markdown eats.
NOT_MATH = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", re.DOTALL)
BACKSLASH_MATH = re.compile(r"(?<!\\)\\[(\[]")


def spec(nb):
    """Returns the notebook's expectations with defaults filled in."""
    declared = nb.metadata.get("nncourse", {}).get("expect", {})
    return {
        "contains": list(declared.get("contains", [])),
        "images": max(1, int(declared.get("images", 1))),
        "animations": int(declared.get("animations", 0)),
    }


def gif_frames(data):
    """Counts the frames (image descriptors) of a GIF file."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return 0
    pos = 13
    if data[10] & 0x80:  # global colour table
        pos += 3 << ((data[10] & 7) + 1)
    frames = 0
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            break
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
        elif block == 0x2C:  # image descriptor, local colour table, LZW size
            frames += 1
            packed = data[pos + 9]
            pos += 10 + ((3 << ((packed & 7) + 1)) if packed & 0x80 else 0) + 1
        else:
            break
        while pos < len(data) and data[pos]:  # sub-blocks until a zero size
            pos += data[pos] + 1
        pos += 1
    return frames


def _figures_in(mime, value):
    """Yields (is_image, is_animation) for each figure in one output value."""
    if mime in IMAGE_MIMES:
        frames = gif_frames(base64.b64decode(value)) if mime == "image/gif" else 1
        yield True, frames > 1
    elif mime == "text/html":
        for kind, payload in DATA_URI.findall(value):
            frames = gif_frames(base64.b64decode(payload)) if kind == "gif" else 1
            yield True, frames > 1
        for _ in INLINE_SVG.finditer(value):
            yield True, False


def observed(nb):
    """Returns (text, images, animations) shown by an executed notebook."""
    texts, images, animations = [], 0, 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                texts.append(out.text)
            for mime, value in out.get("data", {}).items():
                value = "".join(value) if isinstance(value, list) else value
                if mime in TEXT_MIMES:
                    texts.append(value)
                for image, animation in _figures_in(mime, value):
                    images += image
                    animations += animation
    return "\n".join(texts), images, animations


def math_problems(name, nb):
    """Returns a problem for each markdown cell writing math as \\( \\) or \\[ \\]:
    JupyterLab shows it, the exported lesson does not. Use $…$ and $$…$$."""
    return [
        f"{name}: cell {i + 1} writes math with \\( or \\[; use $…$ or $$…$$ (nbconvert drops the backslash)"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown" and BACKSLASH_MATH.search(NOT_MATH.sub("", cell.source))
    ]


def check(name, nb):
    """Returns the list of unmet expectations of an executed notebook."""
    want = spec(nb)
    text, images, animations = observed(nb)
    problems = math_problems(name, nb) + [f"{name}: output never shows {s!r}" for s in want["contains"] if s not in text]
    problems += claim_problems(name, nb, text)
    if not want["contains"]:
        problems.append(f"{name}: metadata nncourse.expect.contains lists no key output (see notebooks/README.md)")
    if images < want["images"]:
        problems.append(f"{name}: shows {images} figure(s), expected at least {want['images']}")
    if animations < want["animations"]:
        problems.append(f"{name}: shows {animations} animated GIF(s), expected at least {want['animations']}")
    return problems

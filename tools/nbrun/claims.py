"""Every number a lesson's prose states is shown by the notebook or vouched for.

A teacher adopts a lesson only if its text cannot drift from what the code
computes. So, for an executed notebook, every number written in a Markdown cell
must either

  * appear in the notebook's outputs at the precision the prose gives
    ("25,990" matches 25990; "0.068" matches 0.0679…; "1e-8" matches 1e-08), or
  * be declared in the notebook metadata with what vouches for it:

        "nncourse": {"claims": {
            "0.0679": "TestRateLimitsLesson03",
            "1e-06 = 0.0000001": "lecture: 1e-06 = 0.0000001",
            "1.83": "paper: Zeiler 2012, Table 2"}}

    A Go test or example name must exist as `func Name(` in a _test.go file of
    the repository (it is the test that fails when the number stops being
    true); a "lecture:" quote must appear in the lecture's text
    (../shared/course/optimizers-lecture.txt); a "paper:" entry names the
    source. A key is a number token as the prose writes it, or a longer
    phrase containing the numbers it covers.

Some statements were wrong and have been removed; RETIRED lists them with
what the lesson now shows instead, and a Markdown cell that says one again
fails the check.

Not checked: math ($…$, $$…$$), code, URLs, HTML tags, names (SHA-256,
arXiv:1212.5701, §4.1), <details> blocks
(worked solutions, which the exercise's check cell verifies), heading
numbers, integers below 100 (counts such as "3 epochs") and years 1900–2099.
"""

import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LECTURE = os.path.join(os.path.dirname(ROOT), "shared", "course", "optimizers-lecture.txt")

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
NOT_PROSE = re.compile(
    r"<details>.*?</details>|```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\]\([^)]*\)|https?://\S+|<[^>]*>",
    re.DOTALL | re.IGNORECASE)
HEADING_NUMBER = re.compile(r"^(#+\s*)[\d.]+\s", re.MULTILINE)
# A number: 25,990 | 0.068 | 1e-8 | 10⁻⁶, not glued to a word (float32, H200, t10k)
# nor part of a name (SHA-256, arXiv:1212.5701, §4.1).
NUMBER = re.compile(
    r"(?<![\w.:§])(?<![A-Za-z]-)(?:10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\d{1,3}(?:,\d{3})+(?:\.\d+)?)|(\d+(?:\.\d+)?(?:[eE][-+−]?\d+)?))(?![\w])")
OUTPUT_NOISE = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+|<svg.*?</svg>|<style.*?</style>",
                          re.DOTALL | re.IGNORECASE)


# RETIRED maps phrases that lessons once stated wrongly (issue 8) to what
# the lessons now show; no Markdown cell may say them again.
RETIRED = {
    "alternate and cancel out": "across the valley Momentum swings longer than SGD (√μ per step), "
                                "it wins along the valley (lesson 03, TestValleyRunLesson03)",
    "the friction $\\mu": "μ is the fraction of the velocity kept, not a friction (lesson 03)",
    "both start alike": "RMSprop's first step is 3.16η, Adagrad's η (lesson 06, TestFirstStepOverEta)",
    "fluctuates around 0": "with a fixed minibatch order SGD's epoch ends sit at the cycle's fixed point "
                           "(lesson 04, TestEpochEndOffset)",
    "sign tests": "time per epoch measures the implementation, not the algorithm (lesson 09)",
    "barely changes": "Adadelta's spread over ρ, ε is measured in REPRODUCTION.md, not asserted (lesson 09)",
}


class Token:
    """A number as written: its value and the uncertainty its digits imply."""

    def __init__(self, text, value, tolerance):
        self.text, self.value, self.tolerance = text, value, tolerance

    def exempt(self):
        integral = self.tolerance >= 0.5 and self.value == int(self.value)
        return integral and (self.value < 100 or 1900 <= self.value <= 2099)

    def matches(self, numbers):
        return any(abs(n - self.value) <= self.tolerance * (1 + 1e-9) for n in numbers)


def tokens(text):
    """Yields the numbers written in text."""
    for m in NUMBER.finditer(text):
        power, grouped, plain = m.groups()
        if power is not None:
            exp = int(power.translate(SUPERSCRIPT))
            yield Token(m.group(0), 10.0**exp, 0.5 * 10.0**exp * 1e-9)
            continue
        s = (grouped or plain).replace(",", "").replace("−", "-")
        mantissa, _, exp = s.lower().partition("e")
        decimals = len(mantissa.partition(".")[2])
        scale = 10.0 ** int(exp) if exp else 1.0
        yield Token(m.group(0), float(s), 0.5 * 10.0**-decimals * scale)


def prose(markdown):
    """Returns the sentences of a Markdown cell without math, code, links and tags."""
    return HEADING_NUMBER.sub(r"\1", NOT_PROSE.sub(" ", markdown))


def output_numbers(text):
    """Returns every number shown in the outputs' text."""
    return [t.value for t in tokens(OUTPUT_NOISE.sub(" ", text).replace("−", "-"))]


def go_test_names():
    """Returns the names of the Go tests, examples and benchmarks of the repository."""
    names = set()
    for d, dirs, files in os.walk(ROOT):
        dirs[:] = [x for x in dirs if not x.startswith(".") and x not in ("node_modules", "bin", "lessons")]
        for f in files:
            if f.endswith("_test.go"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    names.update(re.findall(r"^func ((?:Test|Example|Fuzz)\w*)\(", fh.read(), re.MULTILINE))
    return names


def _squash(s):
    return " ".join(s.split())


def justification_problem(name, key, why, tests, lecture):
    """Returns what is wrong with one declared claim, or None."""
    if why.startswith("paper:"):
        return None if why[len("paper:"):].strip() else f"{name}: claim {key!r} names no paper"
    if why.startswith("lecture:"):
        quote = _squash(why[len("lecture:"):])
        if lecture is not None and quote not in lecture:
            return f"{name}: claim {key!r} quotes the lecture, but {quote!r} is not in its text"
        return None
    if why.split("/")[0] not in tests:
        return f"{name}: claim {key!r} is vouched for by {why!r}, which is no Go test or example of the repository"
    return None


def claim_problems(name, nb, outputs_text, tests=None):
    """Returns a problem for each number of the prose that is neither shown nor vouched for."""
    declared = nb.metadata.get("nncourse", {}).get("claims", {})
    tests = go_test_names() if tests is None and declared else (tests or set())
    lecture = None
    if os.path.exists(LECTURE):
        with open(LECTURE, encoding="utf-8") as f:
            lecture = _squash(f.read())
    numbers = output_numbers(outputs_text)
    texts = [(i, prose(c.source)) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]
    problems = [p for key, why in declared.items()
                if (p := justification_problem(name, key, why, tests, lecture))]
    for key in declared:
        if not any(key in _squash(t) for _, t in texts):
            problems.append(f"{name}: claim {key!r} is declared but the prose no longer says it")
    for i, c in enumerate(nb.cells):
        if c.cell_type == "markdown":
            problems += [f"{name}: cell {i + 1} says {phrase!r} again, which was wrong: {why}"
                         for phrase, why in RETIRED.items() if phrase.lower() in c.source.lower()]
    for i, text in texts:
        covered = [_squash(k) for k in declared if _squash(k) in _squash(text)]
        for tok in tokens(text):
            if tok.exempt() or tok.matches(numbers) or any(tok.text in k for k in covered):
                continue
            problems.append(f"{name}: cell {i + 1} states {tok.text!r}, which no output shows and no "
                            "nncourse.claims entry vouches for (see tools/nbrun/claims.py)")
    return problems

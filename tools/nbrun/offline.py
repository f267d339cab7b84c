"""Check that HTML pages, their stylesheet and scripts load nothing from outside their folder.

Fails on any script, stylesheet, frame or media reference to http(s)://,
file:// or a protocol-relative //host, on CSS url()/@import pointing there,
on an <img> that is not embedded as a data: URI, and on a JavaScript string
literal that starts with such an address (what a script would load).
"""

import re
from html.parser import HTMLParser

REMOTE = re.compile(r"^\s*(https?:|file:|//)", re.I)
JS_REMOTE = re.compile(r"""["'`](https?:|file:|//[\w.-])""", re.I)
CSS_REMOTE = re.compile(r"""(url\(\s*['"]?|@import\s+['"])\s*(https?:|file:|//)""", re.I)
RESOURCE_ATTRS = {
    "script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
    "video": "src", "audio": "src", "embed": "src", "object": "data", "track": "src",
}


class _Checker(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.problems, self._in_style = path, [], False

    def _report(self, what):
        line, _ = self.getpos()
        self.problems.append(f"{self.path}:{line}: {what}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = RESOURCE_ATTRS.get(tag)
        value = (attrs.get(name) or "") if name else ""
        if REMOTE.match(value):
            self._report(f"<{tag} {name}={value[:80]!r}> loads from outside the lessons")
        elif tag == "img" and not value.startswith("data:"):
            self._report(f"<img src={value[:80]!r}> is not embedded (data: URI)")
        if CSS_REMOTE.search(attrs.get("style") or ""):
            self._report(f"<{tag} style> loads from outside the lessons")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style and CSS_REMOTE.search(data):
            self._report(f"<style> loads from outside the lessons: {CSS_REMOTE.search(data).group(0)!r}")


def check_file(path):
    """Returns the list of external references in the HTML or CSS file at
    path."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".js"):
        return [f"{path}:{text.count(chr(10), 0, m.start()) + 1}: a script string points outside the lessons: "
                f"{text[m.start():m.start() + 60]!r}" for m in JS_REMOTE.finditer(text)]
    if path.endswith(".css"):
        return [f"{path}:{text.count(chr(10), 0, m.start()) + 1}: loads from outside the lessons: {m.group(0)!r}"
                for m in CSS_REMOTE.finditer(text)]
    checker = _Checker(path)
    checker.feed(text)
    checker.close()
    return checker.problems

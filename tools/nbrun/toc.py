"""An in-page table of contents for long lessons.

A lesson with MIN_SECTIONS or more "## " sections gets, under its top
navigation bar, a list of links to them. The links are read off the page
nbconvert rendered, so each one points at the id nbconvert gave its heading
(the anchor of its ¶ link) and no second slug rule can drift from it.
"""

import html
import re

MIN_SECTIONS = 4

_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)
_TAG = re.compile(r"<[^>]*>")
_TOP_NAV = '<nav class="nncourse top">'


def sections(page):
    """Returns (id, title) for each second-level heading of a rendered page, in order."""
    return [(anchor, " ".join(html.unescape(_TAG.sub("", title)).split())) for anchor, title in _H2.findall(page)]


def add_table_of_contents(page):
    """Returns page with a table of contents after its top navigation bar when
    it has at least MIN_SECTIONS sections; otherwise page unchanged."""
    found = sections(page)
    if len(found) < MIN_SECTIONS:
        return page
    nav_end = page.find("</nav>", page.find(_TOP_NAV))
    if page.find(_TOP_NAV) < 0 or nav_end < 0:
        raise ValueError("lesson template: no top navigation bar to put the table of contents under")
    items = "\n".join(f'  <li><a href="#{anchor}">{html.escape(title)}</a></li>' for anchor, title in found)
    toc = f'\n<nav class="nncourse toc" aria-label="Contents">\n<strong>Contents</strong>\n<ol>\n{items}\n</ol>\n</nav>'
    at = nav_end + len("</nav>")
    return page[:at] + toc + page[at:]

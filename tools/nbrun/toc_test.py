"""Tests of toc.py: python3 -m unittest discover -s tools/nbrun -p '*_test.py'."""

import unittest

from toc import add_table_of_contents, sections


def page(titles):
    heads = "".join(f'<h2 id="{t.replace(" ", "-")}">{t}<a class="anchor-link" href="#{t.replace(" ", "-")}">&#182;</a></h2><p>x</p>'
                    for t in titles)
    return f'<body><nav class="nncourse top"><a href="index.html">Course</a></nav>{heads}<nav class="nncourse bottom"></nav></body>'


class TableOfContentsTest(unittest.TestCase):
    def test_long_lesson_gets_links_to_every_section(self):
        titles = ["The size of a layer", "float32 or float64?", "Summary", "Exercises"]
        out = add_table_of_contents(page(titles))
        self.assertEqual(out.count('<nav class="nncourse toc"'), 1)
        self.assertLess(out.index("</nav>"), out.index('class="nncourse toc"'))  # under the top bar
        self.assertLess(out.index('class="nncourse toc"'), out.index("<h2"))
        for t in titles:
            self.assertIn(f'<a href="#{t.replace(" ", "-")}">{t}</a>', out)

    def test_short_lesson_is_unchanged(self):
        p = page(["One", "Two", "Three"])
        self.assertEqual(add_table_of_contents(p), p)

    def test_titles_lose_markup_and_keep_entities_escaped(self):
        p = '<h2 id="a-&amp;-b">a &amp; <em>b</em><a class="anchor-link" href="#a-&amp;-b">&#182;</a></h2>'
        self.assertEqual(sections(p), [("a-&amp;-b", "a & b")])


if __name__ == "__main__":
    unittest.main()

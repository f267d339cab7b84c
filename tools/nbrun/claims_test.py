"""Tests of claims.py: python3 -m unittest discover -s tools/nbrun -p '*_test.py'."""

import unittest

import nbformat

from claims import claim_problems, tokens


def notebook(markdown, claims=None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(markdown)]
    if claims is not None:
        nb.metadata["nncourse"] = {"claims": claims}
    return nb


class ClaimsTest(unittest.TestCase):
    def test_tokens(self):
        cases = [("25,990 weights", [25990.0]), ("η < 0.068", [0.068]), ("ε = 1e-8", [1e-8]),
                 ("10⁻⁶ apart", [1e-6]), ("float32 on an H200", []), ("784-500-300-10", [784, 500, 300, 10]),
                 ("SHA-256 of arXiv:1212.5701, §4.1", [])]
        for i, (text, want) in enumerate(cases):
            got = [t.value for t in tokens(text)]
            self.assertEqual(got, want, f"{i}: tokens({text!r})")

    def test_shown_at_written_precision(self):
        for i, (prose, output, ok) in enumerate([
            ("NAG needs η < 0.068.", "limit 0.0679", True),
            ("NAG needs η < 0.068.", "limit 0.0661", False),
            ("It has 25,990 parameters.", "params: 25990", True),
            ("Adam keeps 112 GB.", "Adam 56 GB", False),
            ("See $\\eta = 0.123$ and `x = 0.456`.", "", True),  # math and code are not prose
            ("Trained 3 epochs in 2012.", "", True),  # small counts and years are exempt
            ("<details>0.777</details>", "", True),  # worked solutions are checked by their cell
        ]):
            problems = claim_problems("nb", notebook(prose), output, tests=set())
            self.assertEqual(not problems, ok, f"{i}: {prose!r} with output {output!r}: {problems}")

    def test_retired_phrases(self):
        for i, (prose, ok) in enumerate([
            ("Its steps across the valley alternate and cancel out.", False),
            ("Momentum swings longer across the valley.", True),
            ("the friction $\\mu \\in [0, 1)$ lets old gradients fade", False),
        ]):
            problems = claim_problems("nb", notebook(prose), "", tests=set())
            self.assertEqual(not problems, ok, f"{i}: {prose!r}: {problems}")

    def test_declared_claims(self):
        nb = notebook("Zeiler reports 1.83 % for Adadelta and 2.26 % for SGD.",
                      {"1.83": "paper: Zeiler 2012, Table 2", "2.26": "TestSomething"})
        self.assertEqual(claim_problems("nb", nb, "", tests={"TestSomething"}), [])
        problems = claim_problems("nb", nb, "", tests=set())
        self.assertEqual(len(problems), 1, problems)  # TestSomething does not exist
        stale = notebook("No numbers here.", {"1.83": "paper: Zeiler 2012"})
        self.assertEqual(len(claim_problems("nb", stale, "", tests=set())), 1)


if __name__ == "__main__":
    unittest.main()

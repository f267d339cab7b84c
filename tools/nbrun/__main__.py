"""nbrun: execute the course notebooks through GoNB and export the lessons.

    python3 tools/nbrun run --out DIR [--budget S] [--cell-timeout S] [--exact-first-cell] NOTEBOOK...
        Execute each notebook (one GoNB kernel each), fail on any error output
        or unmet expectation, naming the failing cell and printing its error
        (a Go panic's message and stack included), write the executed copies
        to DIR and print each notebook's time against the budget.
    python3 tools/nbrun lessons --out DIR --node-modules DIR [--explorables DIR] EXECUTED...
        Export executed notebooks as DIR/NN-topic.html with DIR/index.html,
        copy MathJax and require.js beside them (and the explorables' files
        from scripts/build-explorables.sh's folder, needed when a lesson has
        explorables), and check they are offline.
    python3 tools/nbrun check-offline FILE...
        Fail on any http(s)://, file:// or non-embedded reference in HTML,
        CSS or JavaScript files.

Use an interpreter with nbclient and nbconvert (Debian's /usr/bin/python3).
"""

import argparse
import os
import sys

import nbformat

from execute import NotebookError, execute
from expect import check
from export import EXPLORABLE_FILES, copy_explorables, copy_web_assets, export_lessons
from offline import check_file


def run(args):
    os.makedirs(args.out, exist_ok=True)
    failures, rows = [], []
    for path in args.notebooks:
        name = os.path.basename(path)
        print(f"--- {name}", flush=True)
        log = os.path.join(args.out, os.path.splitext(name)[0] + ".kernel.log")
        try:
            nb, seconds = execute(path, os.path.join(args.out, name), args.cell_timeout, log, args.exact_first_cell)
            problems = check(name, nb)
        except NotebookError as err:
            seconds, problems = None, [str(err)]
        for p in problems:
            print(p, flush=True)
        failures += problems
        rows.append((name, seconds, not problems))
    print(f"\n{'notebook':40} {'time':>8}   budget {args.budget:g} s")
    for name, seconds, ok in rows:
        time = "-" if seconds is None else f"{seconds:.1f}s"
        budget = "" if seconds is None else "within budget" if seconds <= args.budget else "OVER BUDGET"
        print(f"{name:40} {time:>8}   {budget:14} {'ok' if ok else 'FAILED'}")
    if failures:
        print(f"\n{len(failures)} problem(s):", *failures, sep="\n", file=sys.stderr)
        return 1
    return 0


def check_offline(paths):
    problems = [p for path in paths for p in check_file(path)]
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def lessons(args):
    os.makedirs(args.out, exist_ok=True)
    executed = [(os.path.basename(p), nbformat.read(p, as_version=4)) for p in args.executed]
    written, explorables = export_lessons(executed, args.out)
    for stale in set(n for n in os.listdir(args.out) if n.endswith(".html")) - set(written):
        os.remove(os.path.join(args.out, stale))  # the lesson of a notebook that is gone
    copy_web_assets(args.node_modules, args.out)
    files = [os.path.join(args.out, n) for n in written]
    if explorables:
        if not args.explorables:
            print(f"{explorables} explorable(s) in the lessons but no --explorables folder", file=sys.stderr)
            return 1
        files += copy_explorables(args.explorables, args.out)
    else:
        for name in EXPLORABLE_FILES:  # left from an export that had explorables
            if os.path.exists(os.path.join(args.out, name)):
                os.remove(os.path.join(args.out, name))
    print(f"wrote {len(files)} file(s) to {args.out}")
    return check_offline(files)


def main():
    parser = argparse.ArgumentParser(prog="nbrun", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run")
    p.add_argument("--out", required=True)
    p.add_argument("--budget", type=float, default=90)
    p.add_argument("--cell-timeout", type=int, default=600)
    p.add_argument("--exact-first-cell", action="store_true",
                   help="require tools/nbrun/first_cell.txt as cell 1, exactly (the course's notebooks)")
    p.add_argument("notebooks", nargs="+")
    p = sub.add_parser("lessons")
    p.add_argument("--out", required=True)
    p.add_argument("--node-modules", required=True)
    p.add_argument("--explorables", help="the folder scripts/build-explorables.sh wrote")
    p.add_argument("executed", nargs="+")
    p = sub.add_parser("check-offline")
    p.add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.command == "run":
        return run(args)
    if args.command == "lessons":
        return lessons(args)
    return check_offline(args.files)


if __name__ == "__main__":
    sys.exit(main())

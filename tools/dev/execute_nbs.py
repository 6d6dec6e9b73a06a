"""Re-execute notebooks in place, storing their outputs and widget state, then clean them.

This is how the lessons are stored executed, so the docs show real numbers and the
widgets work on the static page. Every cell runs, `slow` ones included, except those marked
`#| eval: false` (an exercise's stub and its check call), as in `nbdev_test`: they are stored without output.

    BN_COURSE_DATA=/path/to/data python tools/dev/execute_nbs.py            # every notebook in nbs/
    BN_COURSE_DATA=/path/to/data python tools/dev/execute_nbs.py nbs/10_tabular.ipynb
"""
import re, subprocess, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

_NO_EVAL = re.compile(r'^\s*#\|\s*eval:\s*false\s*$', re.M)

def execute(path:Path, timeout:int=1800) -> None:
    nb = nbformat.read(path, as_version=4)
    skipped = {i: c.source for i, c in enumerate(nb.cells) if c.cell_type == 'code' and _NO_EVAL.search(c.source)}
    for i in skipped: nb.cells[i].source = ''  # run as an empty cell, so the numbering of the others is kept
    NotebookClient(nb, timeout=timeout, kernel_name='python3', store_widget_state=True,
                   resources={'metadata': {'path': str(path.parent)}}).execute()
    for i, src in skipped.items(): nb.cells[i].update(source=src, outputs=[], execution_count=None)
    tmp = path.with_suffix('.ipynb.tmp')
    nbformat.write(nb, tmp)
    tmp.replace(path)

def main(paths):
    root = Path(__file__).resolve().parents[2]
    paths = [Path(p) for p in paths] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    for p in paths:
        t = time.perf_counter()
        execute(p.resolve())
        print(f'{p}: executed in {time.perf_counter() - t:.0f} s', flush=True)
    subprocess.run(['nbdev_clean'], cwd=root, check=True)

if __name__ == '__main__': main(sys.argv[1:])

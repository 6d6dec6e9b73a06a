"""Re-execute notebooks in place, storing their outputs and widget state, then clean them.

This is how the lessons are stored executed, so the docs show real numbers and the
widgets work on the static page. Every cell runs, `slow` ones included.

    BN_COURSE_DATA=/path/to/data python tools/dev/execute_nbs.py            # every notebook in nbs/
    BN_COURSE_DATA=/path/to/data python tools/dev/execute_nbs.py nbs/10_tabular.ipynb
"""
import subprocess, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

def execute(path:Path, timeout:int=1800) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name='python3', store_widget_state=True,
                   resources={'metadata': {'path': str(path.parent)}}).execute()
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

#!/usr/bin/env python3
"""Every notebook opens straight into its kernel (a python3 kernelspec in its metadata, no leftover jupytext
metadata), and no cell marked `#| eval: false` (an exercise's stub and its check call) is stored with output.

    python tools/dev/check_notebooks.py [nbs]          # check
    python tools/dev/check_notebooks.py --fix [nbs]    # also drop the outputs of `eval: false` cells

Exits 1 and names each notebook that breaks a rule, with the fix.
"""
import json, pathlib, re, sys

_NO_EVAL = re.compile(r'^\s*#\|\s*eval:\s*false\s*$', re.M)

def _unevaluated_with_output(nb: dict) -> list:
    return [i for i, c in enumerate(nb.get('cells', [])) if c.get('cell_type') == 'code' and c.get('outputs')
            and _NO_EVAL.search(''.join(c.get('source', '')))]

def fix(nb_path: pathlib.Path) -> None:
    "Drop the stored outputs of `#| eval: false` cells, keeping everything else byte for byte where possible."
    nb = json.loads(nb_path.read_text(encoding='utf-8'))
    cells = _unevaluated_with_output(nb)
    for i in cells: nb['cells'][i].update(outputs=[], execution_count=None)
    if cells: nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')

def problems(nb_path: pathlib.Path) -> list:
    try:
        nb = json.loads(nb_path.read_text(encoding='utf-8'))
        md = nb.get('metadata', {})
    except (OSError, ValueError) as e: return [f"cannot be read as a notebook ({e})"]
    out = []
    if cells := _unevaluated_with_output(nb):
        out.append(f"cells {cells} are marked `#| eval: false` but stored with output (an exercise's stub run by hand?): "
                   "run tools/dev/check_notebooks.py --fix, then nbdev_clean")
    if md.get('kernelspec', {}).get('name') != 'python3':
        out.append("no python3 kernelspec: Jupyter and Colab will ask the learner to select a kernel "
                   "(open it in Jupyter, choose the Python 3 kernel, save)")
    if 'jupytext' in md: out.append("leftover jupytext metadata: delete metadata['jupytext']")
    return out

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--fix']
    root = pathlib.Path(args[0] if args else 'nbs')
    nbs = sorted(root.rglob('*.ipynb'))
    if '--fix' in sys.argv:
        for p in nbs: fix(p)
    bad = {p: problems(p) for p in nbs if '.ipynb_checkpoints' not in p.parts}
    bad = {p: v for p, v in bad.items() if v}
    for p, v in bad.items():
        for msg in v: print(f"{p}: {msg}")
    print(f"notebook metadata: {len(nbs) - len(bad)} of {len(nbs)} notebooks open in the python3 kernel")
    sys.exit(1 if bad else 0)

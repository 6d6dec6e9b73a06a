#!/usr/bin/env python3
"""Every notebook opens straight into its kernel: a python3 kernelspec in its metadata and no leftover jupytext metadata.

    python tools/dev/check_notebooks.py [nbs]

Exits 1 and names each notebook that breaks a rule, with the fix.
"""
import json, pathlib, sys

def problems(nb_path: pathlib.Path) -> list:
    try: md = json.loads(nb_path.read_text(encoding='utf-8')).get('metadata', {})
    except (OSError, ValueError) as e: return [f"cannot be read as a notebook ({e})"]
    out = []
    if md.get('kernelspec', {}).get('name') != 'python3':
        out.append("no python3 kernelspec: Jupyter and Colab will ask the learner to select a kernel "
                   "(open it in Jupyter, choose the Python 3 kernel, save)")
    if 'jupytext' in md: out.append("leftover jupytext metadata: delete metadata['jupytext']")
    return out

if __name__ == '__main__':
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else 'nbs')
    nbs = sorted(root.rglob('*.ipynb'))
    bad = {p: problems(p) for p in nbs if '.ipynb_checkpoints' not in p.parts}
    bad = {p: v for p, v in bad.items() if v}
    for p, v in bad.items():
        for msg in v: print(f"{p}: {msg}")
    print(f"notebook metadata: {len(nbs) - len(bad)} of {len(nbs)} notebooks open in the python3 kernel")
    sys.exit(1 if bad else 0)

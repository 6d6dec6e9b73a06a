"""Serve the widget JavaScript from the docs site itself, at the versions pinned in tools/site-js/.

Quarto (and nbconvert) load require.js, jQuery and @jupyter-widgets/html-manager from CDNs,
html-manager at a floating `@*` version. This script copies the pinned files from
tools/site-js/node_modules (running `npm ci` there first if needed) into `<site>/_static/widgets/`
and points every HTML page at them, dropping the CDN's integrity hashes on the tags it rewrites.

It runs as Quarto's post-render step (see nbs/_quarto.yml), where Quarto sets
QUARTO_PROJECT_OUTPUT_DIR, or by hand:  python tools/site_widgets.py SITE_DIR
"""
import os, re, shutil, subprocess, sys
from pathlib import Path

JS = Path(__file__).resolve().parent/'site-js'
STATIC = '_static/widgets'
# (pattern of a CDN URL, file under _static/widgets/ that replaces it)
REWRITES = [
    (r'https://cdnjs\.cloudflare\.com/ajax/libs/require\.js/[\d.]+/require(?:\.min)?\.js', 'require.js'),
    (r'https://cdnjs\.cloudflare\.com/ajax/libs/jquery/[\d.]+/jquery(?:\.min)?\.js', 'jquery.min.js'),
    (r'https://(?:unpkg\.com|cdn\.jsdelivr\.net/npm)/@jupyter-widgets/html-manager@[^/"\']+/dist/embed-amd\.js', 'html-manager/embed-amd.js'),
]

def node_modules() -> Path:
    "The pinned packages, installed from package-lock.json if they are not there yet."
    nm = JS/'node_modules'
    if not (nm/'@jupyter-widgets/html-manager').exists():
        subprocess.run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=JS, check=True)
    return nm

def vendor(site:Path) -> Path:
    "Copy the pinned widget JavaScript into `site`/_static/widgets/ and return that folder."
    nm, dest = node_modules(), site/STATIC
    shutil.copytree(nm/'@jupyter-widgets/html-manager/dist', dest/'html-manager', dirs_exist_ok=True)
    shutil.copy(nm/'requirejs/require.js', dest/'require.js')
    shutil.copy(nm/'jquery/dist/jquery.min.js', dest/'jquery.min.js')
    return dest

def rewrite(html:str, prefix:str) -> str:
    "Point the CDN script tags in `html` at `prefix`/..., without their integrity hashes."
    def tag(m):
        t = m.group(0)
        for pat, local in REWRITES:
            if re.search(pat, t): return re.sub(r'\s+integrity="[^"]*"', '', re.sub(pat, f'{prefix}/{local}', t))
        return t
    return re.sub(r'<script\b[^>]*>', tag, html)

def main(site:Path) -> None:
    site = site.resolve()
    vendor(site)
    for page in site.rglob('*.html'):
        prefix = os.path.relpath(site/STATIC, page.parent)
        text = page.read_text(encoding='utf-8')
        new = rewrite(text, prefix)
        if new != text: page.write_text(new, encoding='utf-8')

if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('QUARTO_PROJECT_OUTPUT_DIR')
    if not out: sys.exit("usage: python tools/site_widgets.py SITE_DIR (or run it as Quarto's post-render step)")
    main(Path(out))

"""Make the docs site self-contained: every script, font and the math renderer served by the site itself.

Quarto 1.10 points a page with widgets at jsDelivr for jQuery, require.js and
@jupyter-widgets/html-manager (at a floating `@*` version), and a page with math at jsDelivr for
MathJax 3 and at cdnjs for a polyfill. This script copies the versions pinned in
tools/docs_build/site-js/package-lock.json (running `npm ci` there first if needed) into `<site>/_static/`, points
every page at those copies (dropping the CDNs' integrity hashes), loads tools/docs_build/site-js/mathjax-config.js
before MathJax (widgets call MathJax 2's API) and drops the polyfill, which no browser that runs
MathJax 3 needs. The theme's Google Fonts request is turned off in nbs/theme.scss,
whose `$web-font-path` points at the Source Sans Pro copied here.

Afterwards no page may load a script or stylesheet from another host: if Quarto writes a tag that is
not known here, the step fails and names it.

It runs as Quarto's post-render step (see nbs/_quarto.yml), where Quarto sets
QUARTO_PROJECT_OUTPUT_DIR, or by hand:  python tools/docs_build/site_widgets.py SITE_DIR
"""
import os, re, shutil, subprocess, sys
from pathlib import Path

JS = Path(__file__).resolve().parent/'site-js'
STATIC = '_static'
FONT_WEIGHTS = (300, 400, 700)  # the weights the cosmo theme asks Google Fonts for
MATHJAX_CONFIG = 'mathjax-config.js'  # tools/docs_build/site-js/mathjax-config.js: loaded before MathJax, see there
# (pattern of a CDN URL, file under _static/ that replaces it; None drops the tag)
REWRITES = [
    (r'https://(?:cdn\.jsdelivr\.net/npm/requirejs@[\d.]+|cdnjs\.cloudflare\.com/ajax/libs/require\.js/[\d.]+)/require(?:\.min)?\.js', 'widgets/require.js'),
    (r'https://(?:cdn\.jsdelivr\.net/npm/jquery@[\d.]+/dist|cdnjs\.cloudflare\.com/ajax/libs/jquery/[\d.]+)/jquery(?:\.min)?\.js', 'widgets/jquery.min.js'),
    (r'https://(?:unpkg\.com|cdn\.jsdelivr\.net/npm)/@jupyter-widgets/html-manager@[^/"\']+/dist/embed-amd\.js', 'widgets/html-manager/embed-amd.js'),
    (r'https://cdn\.jsdelivr\.net/npm/mathjax@3[^/"\']*/es5/tex-chtml-full\.js', 'mathjax/tex-chtml-full.js'),
    (r'https://cdnjs\.cloudflare\.com/polyfill/[^"\']*', None),
]
_REMOTE = r'''\s*=\s*["']?(?:https?:)?//'''

def node_modules() -> Path:
    "The pinned packages, installed from package-lock.json if they are not there yet."
    nm = JS/'node_modules'
    if not all((nm/p).exists() for p in ('@jupyter-widgets/html-manager', 'mathjax/es5', '@fontsource/source-sans-pro')):
        subprocess.run(['npm', 'ci', '--no-audit', '--no-fund', '--loglevel=error'], cwd=JS, check=True)
    return nm

def _fonts(src:Path, dest:Path):
    "Source Sans Pro's @font-face rules for `FONT_WEIGHTS` in one stylesheet, with the files they name."
    css = '\n'.join((src/f'{w}.css').read_text(encoding='utf-8') for w in FONT_WEIGHTS)
    (dest/'files').mkdir(parents=True, exist_ok=True)
    for name in sorted(set(re.findall(r'url\(\./files/([^)]+)\)', css))): shutil.copy(src/'files'/name, dest/'files'/name)
    (dest/'source-sans-pro.css').write_text(css, encoding='utf-8')

def vendor(site:Path) -> Path:
    "Copy the pinned scripts, MathJax 3 and fonts into `site`/_static/ and return that folder."
    nm, dest = node_modules(), site/STATIC
    w = dest/'widgets'
    shutil.copytree(nm/'@jupyter-widgets/html-manager/dist', w/'html-manager', dirs_exist_ok=True, ignore=shutil.ignore_patterns('*.map'))
    shutil.copy(nm/'requirejs/require.js', w/'require.js')
    shutil.copy(nm/'jquery/dist/jquery.min.js', w/'jquery.min.js')
    # MathJax's one combined file, plus the fonts, extensions and menu parts it loads on demand
    es5 = nm/'mathjax/es5'
    shutil.copytree(es5, dest/'mathjax', dirs_exist_ok=True, ignore=lambda d, names: [
        n for n in names if (Path(d) == es5 and n.endswith('.js') and n != 'tex-chtml-full.js') or (Path(d) == es5/'output' and n == 'svg')])
    shutil.copy(JS/MATHJAX_CONFIG, dest/MATHJAX_CONFIG)
    _fonts(nm/'@fontsource/source-sans-pro', dest/'fonts/source-sans-pro')
    return dest

def rewrite(html:str, prefix:str) -> str:
    "Point the CDN tags in `html` at `prefix`/..., without their integrity hashes; drop the polyfill."
    def tag(m):
        t = m.group(0)
        for pat, local in REWRITES:
            if re.search(pat, t):
                if local is None: return ''
                t = re.sub(r'\s+integrity="[^"]*"', '', re.sub(pat, f'{prefix}/{local}', t))
                return (f'<script src="{prefix}/{MATHJAX_CONFIG}"></script>\n' if local.startswith('mathjax/') else '') + t
        return t
    return re.sub(r'<script\b[^>]*>\s*</script>', tag, html)

def external_tags(html:str) -> list:
    "The tags in `html` that still load a script, stylesheet, font or icon from another host."
    scripts = re.findall(rf'<script\b[^>]*\bsrc{_REMOTE}[^>]*>', html, re.I)
    links = [t for t in re.findall(rf'<link\b[^>]*\bhref{_REMOTE}[^>]*>', html, re.I)
             if re.search(r'''\brel\s*=\s*["']?[^"'>]*\b(?:stylesheet|preload|modulepreload|prefetch|icon)''', t, re.I)]
    return scripts + links

def main(site:Path) -> None:
    site = site.resolve()
    if not any(site.rglob('*.html')): return  # nbdev_readme's render of README.md alone
    vendor(site)
    (site/'.nojekyll').touch()  # GitHub Pages would otherwise drop _static/
    problems = []
    for page in sorted(site.rglob('*.html')):
        prefix = Path(os.path.relpath(site/STATIC, page.parent)).as_posix()
        text = page.read_text(encoding='utf-8')
        new = rewrite(text, prefix)
        if new != text: page.write_text(new, encoding='utf-8')
        problems += [f'{page.relative_to(site)}: {t}' for t in external_tags(new)]
        problems += [f'{page.relative_to(site)}: {s} is not in the site' for s in re.findall(rf'src="({re.escape(prefix)}/[^"?#]+)', new)
                     if not (page.parent/s).is_file()]
    for css in sorted(site.rglob('*.css')):
        problems += [f'{css.relative_to(site)}: {u}' for u in re.findall(r'''(?:@import\s*(?:url\()?|url\()\s*["']?((?:https?:)?//[^)"';\s]+)''', css.read_text(encoding='utf-8'))]
    if problems: sys.exit('The site still loads from other hosts (teach tools/docs_build/site_widgets.py the new tags):\n  ' + '\n  '.join(problems))

if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('QUARTO_PROJECT_OUTPUT_DIR')
    if not out: sys.exit("usage: python tools/docs_build/site_widgets.py SITE_DIR (or run it as Quarto's post-render step)")
    main(Path(out))

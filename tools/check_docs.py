"""Offline check of the docs site, for machines where Quarto cannot be installed (CI here).

1. `nbdev_proc_nbs`, with the stand-in `quarto` of tools/quarto-standin on PATH for this step only.
2. Each processed notebook rendered to HTML with nbconvert, loading the same pinned widget
   JavaScript as the real site (tools/site_widgets.py), and MathJax, all served locally.
3. The pages served on 127.0.0.1 and opened in headless Chromium (Debian's, driven by Playwright).
   For every page: no console errors and no failed requests; every image shows; every widget renders;
   and moving each slider shows exactly the pictures the stored widget state predicts.
4. A screenshot of every page in the output folder.

    python tools/check_docs.py [OUT_DIR]     # default: artifacts/docs-check
"""
import base64, json, os, shutil, subprocess, sys, threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from nbconvert import HTMLExporter
import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT/'tools'))
import site_widgets

WIDGET_STATE = 'application/vnd.jupyter.widget-state+json'

def proc_nbs() -> Path:
    env = dict(os.environ, PATH=f"{ROOT/'tools/quarto-standin'}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(['nbdev_proc_nbs'], cwd=ROOT, env=env, check=True, capture_output=True)
    return ROOT/'_proc'

def render(nb_path:Path, out:Path) -> Path:
    "nbconvert's lab template, with every script served from `out`."
    exporter = HTMLExporter(template_name='lab', require_js_url=f'{site_widgets.STATIC}/require.js',
                            widget_renderer_url=f'{site_widgets.STATIC}/html-manager/embed-amd.js',
                            mathjax_url='_static/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe')
    html, _ = exporter.from_notebook_node(nbformat.read(nb_path, as_version=4))
    dest = out/f'{nb_path.stem}.html'
    dest.write_text(html, encoding='utf-8')
    return dest

class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args): pass

def serve(folder:Path):
    server = ThreadingHTTPServer(('127.0.0.1', 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

def widget_state(nb_path:Path) -> dict:
    return nbformat.read(nb_path, as_version=4).metadata.get('widgets', {}).get(WIDGET_STATE, {}).get('state', {})

def _mid(ref:str) -> str: return ref.removeprefix('IPY_MODEL_')

def visible_images(state:dict, moved:dict) -> list:
    "Base64 of every Image the stored state shows, after setting the sliders in `moved` (id -> index)."
    index = {k: v['state'].get('index') for k, v in state.items() if 'index' in v['state']}
    index.update(moved)
    selected = {k: v['state'].get('selected_index') for k, v in state.items() if v['model_name'] == 'StackModel'}
    for v in state.values():
        if v['model_name'] == 'DirectionalLinkModel' and v['state']['target'][1] == 'selected_index':
            src, trait = v['state']['source']
            if trait == 'index': selected[_mid(v['state']['target'][0])] = index[_mid(src)]
    parent = {}
    for k, v in state.items():
        for i, c in enumerate(v['state'].get('children', [])): parent[_mid(c)] = (k, i)
    def shown(k):
        while k in parent:
            p, i = parent[k]
            if p in selected and selected[p] != i: return False
            k = p
        return True
    return sorted(b['data'] for k, v in state.items() if v['model_name'] == 'ImageModel' and shown(k)
                  for b in v.get('buffers', []) if b['path'] == ['value'])

JS_VISIBLE_IMAGES = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('img.widget-image')) {
    if (!img.checkVisibility()) continue;
    const buf = await (await fetch(img.src)).arrayBuffer();
    let s = ''; new Uint8Array(buf).forEach(b => s += String.fromCharCode(b));
    out.push(btoa(s));
  }
  return out.sort();
}"""

def check_page(page, url:str, state:dict, shots:Path) -> list:
    "Open `url` and return a list of problems found (empty when all is well)."
    problems = []
    page.on('console', lambda m: m.type == 'error' and 'favicon.ico' not in (m.location or {}).get('url', '') and problems.append(f'console error: {m.text} at {m.location}'))
    page.on('pageerror', lambda e: problems.append(f'page error: {e}'))
    page.on('requestfailed', lambda r: problems.append(f'request failed: {r.url} ({r.failure})'))
    page.on('response', lambda r: r.status >= 400 and not r.url.endswith('/favicon.ico') and problems.append(f'HTTP {r.status}: {r.url}'))
    page.goto(url, wait_until='load')
    sliders = [k for k, v in state.items() if v['model_name'] == 'SelectionSliderModel']
    n_views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if n_views:
        try: page.wait_for_function(f"() => [...document.querySelectorAll('.jp-OutputArea-output.jupyter-widgets')].filter(e => e.querySelector('.lm-Widget')).length >= {n_views}", timeout=15000)
        except Exception: problems.append(f'not all of the {n_views} widgets rendered')
        page.wait_for_timeout(500)
    broken = page.evaluate("() => [...document.images].filter(i => i.checkVisibility() && !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))")
    problems += [f'image does not show: {s}' for s in broken]
    figures = page.evaluate("() => [...document.images].filter(i => i.naturalWidth > 0).length")
    if sliders:
        if page.evaluate(JS_VISIBLE_IMAGES) != visible_images(state, {}): problems.append('the widget does not show the stored state')
        handles = page.locator('.widget-slider .noUi-handle')
        if handles.count() != len(sliders): problems.append(f'{handles.count()} slider handles for {len(sliders)} sliders')
        labels = [state[k]['state']['description'] for k in sliders]
        for h in range(handles.count()):
            label = page.locator('.widget-slider').nth(h).locator('.widget-label').inner_text()
            k = sliders[labels.index(label)]
            before = page.evaluate(JS_VISIBLE_IMAGES)
            start, n = state[k]['state']['index'], len(state[k]['state']['_options_labels'])
            step, key = (1, 'ArrowRight') if start + 1 < n else (-1, 'ArrowLeft')
            handles.nth(h).focus(); page.keyboard.press(key); page.wait_for_timeout(300)
            after = page.evaluate(JS_VISIBLE_IMAGES)
            if after == before: problems.append(f'moving slider {label!r} changed nothing')
            if after != visible_images(state, {k: start + step}): problems.append(f'after moving slider {label!r} the pictures differ from the stored state')
            handles.nth(h).focus(); page.keyboard.press('ArrowLeft' if step == 1 else 'ArrowRight'); page.wait_for_timeout(300)
    page.screenshot(path=str(shots/(Path(url).stem + '.png')), full_page=True)
    return problems, figures, len(sliders)

QUARTO_TAGS = """<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js" integrity="sha512-abc" crossorigin="anonymous"></script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.5.1/jquery.min.js" integrity="sha512-def" crossorigin="anonymous" data-relocate-top="true"></script>
<script src="https://unpkg.com/@jupyter-widgets/html-manager@*/dist/embed-amd.js" crossorigin="anonymous"></script>"""

def check_rewrite() -> list:
    "The script tags Quarto writes for widgets must all point at the site's own pinned copies."
    out = site_widgets.rewrite(QUARTO_TAGS, '../_static/widgets')
    problems = [f'CDN left in: {u}' for u in ('cdnjs', 'unpkg', 'integrity') if u in out]
    for local in ('require.js', 'jquery.min.js', 'html-manager/embed-amd.js'):
        if f'src="../_static/widgets/{local}"' not in out: problems.append(f'not rewritten to the local {local}')
    return problems

def is_lesson(page:Path) -> bool:
    "Lessons are the notebooks numbered 10 to 79; the rest are the library reference and the index."
    num = page.stem.split('_')[0]
    return num.isdigit() and 10 <= int(num) < 80

def main(out:Path) -> int:
    from playwright.sync_api import sync_playwright
    if problems := check_rewrite():
        print('FAILED the rewrite of Quarto\'s widget script tags:', *problems, sep='\n       - ')
        return 1
    if out.exists(): shutil.rmtree(out)
    site, shots = out/'site', out/'screenshots'
    shots.mkdir(parents=True); site.mkdir()
    site_widgets.vendor(site)
    shutil.copytree(ROOT/'nbs'/'images', site/'images')
    shutil.copytree(site_widgets.node_modules()/'mathjax', site/'_static/mathjax')
    proc = proc_nbs()
    pages = {render(nb, site): widget_state(nb) for nb in sorted(proc.glob('*.ipynb'))}
    server = serve(site)
    failed = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path='/usr/bin/chromium', args=[
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'])
        for page_path, state in pages.items():
            page = browser.new_page(viewport={'width': 1200, 'height': 900})
            problems, figures, sliders = check_page(page, f'http://127.0.0.1:{server.server_port}/{page_path.name}', state, shots)
            page.close()
            if is_lesson(page_path) and not (figures and sliders):
                problems.append(f'a lesson page needs figures and a working explorer: {figures} images, {sliders} sliders')
            status = 'ok' if not problems else 'FAILED'
            failed += bool(problems)
            print(f'{status:6s} {page_path.name}: {figures} images shown, {sliders} sliders moved and checked')
            for pr in problems: print(f'       - {pr}')
        browser.close()
    server.shutdown()
    n = len(pages)
    print(f'docs pages: {n - failed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT/'artifacts'/'docs-check'))

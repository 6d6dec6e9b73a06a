"""Check the docs site that `nbdev_docs` built, offline, in headless Chromium.

The site (`_docs/`, from settings.ini's doc_path) is served on 127.0.0.1 and every page in it is opened
in Debian's chromium, driven by Playwright. Every request to another host is refused (route-abort) and
counted as a failure. For every page:
- no console error, no page error, no failed request and no HTTP error;
- every visible image loaded;
- every widget output rendered: each `widget-view+json` script that Quarto writes gets the
  `div.widget-subarea` that html-manager renders the widget into, with the widget inside;
- math typeset where the page has math: every `span.math` holds a MathJax 3 `mjx-container`, and no
  raw `\\(` or `\\[` is left in the text;
- each slider, moved one step and back, shows exactly the pictures that the page's stored widget
  state predicts (the Stacks that `bn_course.widgets.prerendered` links to its sliders).
Every lesson page (the notebooks in nbs/sidebar.yml's "Lessons" section) must also show figures and
have a working explorer. A screenshot of every page goes to the output folder.

    nbdev_docs && python tools/docs_check/check_docs.py [OUT_DIR]     # default OUT_DIR: artifacts/docs-check
"""
import argparse, json, re, shutil, sys, threading, time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT/'tools'/'docs_build'))  # the build step's tag rewrite, checked below
import site_widgets

CHROMIUM = '/usr/bin/chromium'
CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync']
VIEW, STATE = 'application/vnd.jupyter.widget-view+json', 'application/vnd.jupyter.widget-state+json'

# --- what the site should be -------------------------------------------------------------------

def site_dir() -> Path:
    from nbdev.config import get_config
    return get_config().doc_path

def pages(site:Path) -> list:
    "Every HTML page of the site, except the files it serves (site_libs/, _static/)."
    return sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html')
                  if p.relative_to(site).parts[0] not in ('site_libs', site_widgets.STATIC))

def _entries(contents) -> list:
    "The files a sidebar `contents` list names, sections included."
    out = []
    for c in contents or []:
        if isinstance(c, str): out.append(c)
        elif isinstance(c, dict):
            out += [c[k] for k in ('href', 'file') if isinstance(c.get(k), str)]
            out += _entries(c.get('contents'))
    return out

def _find_section(contents, name):
    for c in contents or []:
        if isinstance(c, dict):
            if c.get('section') == name: return c
            if found := _find_section(c.get('contents'), name): return found

def lesson_pages(sidebar:Path=ROOT/'nbs'/'sidebar.yml') -> list:
    "The pages of the notebooks in the sidebar's Lessons section, named as nbdev names them."
    from nbdev.doclinks import _nbpath2html
    sb = yaml.safe_load(sidebar.read_text())['website']['sidebar']
    section = _find_section(sb.get('contents') if isinstance(sb, dict) else sb, 'Lessons')
    if section is None: raise SystemExit(f'{sidebar} has no "Lessons" section')
    return [_nbpath2html(Path(e)).as_posix() for e in _entries(section.get('contents')) if e.endswith('.ipynb')]

def stored_state(html:str) -> dict:
    "The widget state Quarto embeds in a page: model id -> model."
    m = re.search(rf'<script type="{re.escape(STATE)}">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))['state'] if m else {}

def _mid(ref:str) -> str: return ref.removeprefix('IPY_MODEL_')

def _children(state:dict, k:str) -> list:
    return [_mid(c) for c in state[k]['state'].get('children', [])]

def descendants(state:dict, root:str) -> list:
    "`root` and every model shown under it, in order."
    out = [root]
    for c in _children(state, root): out += descendants(state, c)
    return out

def visible_images(state:dict, root:str, moved:dict=None) -> list:
    """Base64 of every Image shown under `root` by the stored state, after the sliders in `moved`
    (id -> index) are set: a Stack shows one child, chosen by its `selected_index` or by the slider
    linked to it (`jsdlink((slider, 'index'), (stack, 'selected_index'))`)."""
    index = {k: v['state']['index'] for k, v in state.items() if 'index' in v['state']}
    index.update(moved or {})
    selected = {k: v['state'].get('selected_index') for k, v in state.items() if v['model_name'] == 'StackModel'}
    for v in state.values():
        if v['model_name'] in ('DirectionalLinkModel', 'LinkModel') and v['state']['target'][1] == 'selected_index':
            src, trait = v['state']['source']
            if trait == 'index': selected[_mid(v['state']['target'][0])] = index[_mid(src)]
    def shown(k):
        kids = _children(state, k)
        if k in selected: kids = [kids[selected[k]]] if selected[k] is not None and selected[k] < len(kids) else []
        return [k] + [m for c in kids for m in shown(c)]
    return sorted(b['data'] for k in shown(root) if state[k]['model_name'] == 'ImageModel'
                  for b in state[k].get('buffers', []) if b['path'] == ['value'])

# --- what the browser shows --------------------------------------------------------------------

JS_VIEWS = f"""() => [...document.querySelectorAll('script[type="{VIEW}"]')].map(s => {{
  const area = s.previousElementSibling;
  const ok = !!(area && area.classList.contains('widget-subarea') && area.querySelector('.jupyter-widgets'));
  return {{id: JSON.parse(s.textContent).model_id, rendered: ok}};
}})"""

# Base64 of the widget images visible in the n-th widget view, sorted.
JS_VISIBLE_IMAGES = f"""async (n) => {{
  const area = document.querySelectorAll('script[type="{VIEW}"]')[n].previousElementSibling;
  const out = [];
  for (const img of area.querySelectorAll('img.widget-image')) {{
    if (!img.checkVisibility()) continue;
    const buf = await (await fetch(img.src)).arrayBuffer();
    let s = ''; new Uint8Array(buf).forEach(b => s += String.fromCharCode(b));
    out.push(btoa(s));
  }}
  return out.sort();
}}"""

JS_IMAGES = """() => {
  const imgs = [...document.images].filter(i => i.checkVisibility());
  return {
    broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 100)),
    figures: imgs.filter(i => i.closest('.cell-output-display') && !i.classList.contains('widget-image') && i.naturalWidth > 0).length,
    widget_images: imgs.filter(i => i.classList.contains('widget-image') && i.naturalWidth > 0).length,
  };
}"""

JS_MATH = r"""() => {
  const spans = [...document.querySelectorAll('span.math')];
  const raw = [];
  const skip = 'pre, code, script, style, textarea, mjx-container, .sourceCode, .cell-output';
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  for (let n; (n = walk.nextNode());) if (/\\\(|\\\[/.test(n.data)) raw.push(n.data.trim().slice(0, 60));
  return {n: spans.length, typeset: spans.filter(s => s.querySelector('mjx-container')).length, raw};
}"""

def _wait_images(page, n:int, want:list, timeout:float=5.0) -> list:
    "The view's visible images, polled until they equal `want` or `timeout` seconds pass."
    end = time.monotonic() + timeout
    while True:
        got = page.evaluate(JS_VISIBLE_IMAGES, n)
        if got == want or time.monotonic() > end: return got
        page.wait_for_timeout(100)

def check_sliders(page, state:dict, n:int, root:str) -> tuple:
    "Move each slider of the n-th view one step and back; return (problems, sliders that passed, sliders)."
    problems, models = [], descendants(state, root)
    other = sorted({state[k]['model_name'] for k in models if state[k]['model_name'].endswith('SliderModel')} - {'SelectionSliderModel'})
    if other: problems.append(f'view {n}: sliders the check cannot predict: {other} (use bn_course.widgets.prerendered)')
    sliders = [k for k in models if state[k]['model_name'] == 'SelectionSliderModel']
    if not sliders: return problems, 0, 0
    by_label = {}
    for k in sliders: by_label.setdefault(state[k]['state']['description'], []).append(k)
    if dupes := [l for l, ks in by_label.items() if len(ks) > 1]: return problems + [f'view {n}: two sliders share a label: {dupes}'], 0, len(sliders)
    if _wait_images(page, n, visible_images(state, root)) != visible_images(state, root):
        problems.append(f'view {n}: the pictures differ from the stored state')
    area = page.locator(f'script[type="{VIEW}"]').nth(n).locator('xpath=preceding-sibling::*[1]')
    dom = area.locator('.widget-slider')
    if dom.count() != len(sliders): problems.append(f'view {n}: {dom.count()} sliders shown for {len(sliders)} in the stored state')
    checked = 0
    for h in range(dom.count()):
        label = dom.nth(h).locator('.widget-label').first.inner_text().strip()
        if label not in by_label: problems.append(f'view {n}: slider {label!r} is not in the stored state'); continue
        k = by_label[label][0]
        start, count = state[k]['state']['index'], len(state[k]['state']['_options_labels'])
        if count < 2: continue
        step, key, back = (1, 'ArrowRight', 'ArrowLeft') if start + 1 < count else (-1, 'ArrowLeft', 'ArrowRight')
        handle = dom.nth(h).locator('.noUi-handle')
        before = visible_images(state, root)
        handle.focus(); page.keyboard.press(key)
        want = visible_images(state, root, {k: start + step})
        got = _wait_images(page, n, want)
        found = len(problems)
        if want == before: problems.append(f'view {n}: the stored state shows the same pictures for every value of {label!r}')
        elif got == before: problems.append(f'view {n}: moving slider {label!r} changed nothing')
        elif got != want: problems.append(f'view {n}: after moving slider {label!r} the pictures differ from the stored state')
        handle.focus(); page.keyboard.press(back)
        if _wait_images(page, n, before) != before: problems.append(f'view {n}: moving slider {label!r} back did not restore the pictures')
        checked += len(problems) == found
    return problems, checked, len(sliders)

# Code blocks (source, not cell outputs) that scroll sideways (wider than the column they sit in), and source links that point at the wrong
# place: a line of `#LNone`, or another lesson's module (nbdev resolves doc links by short name).
JS_WIDE = """() => [...document.querySelectorAll('div.sourceCode pre')].filter(p => p.offsetParent !== null && p.scrollWidth > p.clientWidth + 2)
  .map(p => (p.innerText.split('\\n').find(l => l.length > 80) || p.innerText).slice(0, 60))"""
JS_SOURCE_LINKS = "() => [...document.querySelectorAll('a[href*=\"/blob/\"]')].map(a => a.href)"

def bad_source_links(hrefs:list, path:str) -> list:
    "Source links of a page that point at `#LNone`, or, on a lesson page, at another lesson's module."
    own = f"bn_course/lessons/{Path(path).stem}.py"
    return [h for h in hrefs if h.endswith('#LNone') or ('/bn_course/lessons/' in h and own not in h)]

def check_page(context, base:str, path:str, html:str, shots:Path) -> dict:
    "Open one page and return what it shows and the problems found."
    problems, page = [], context.new_page()
    page.on('console', lambda m: m.type == 'error' and not (m.location or {}).get('url', '').endswith('/favicon.ico')
            and problems.append(f'console error: {m.text}'))
    page.on('pageerror', lambda e: problems.append(f'page error: {e}'))
    page.on('requestfailed', lambda r: r.url.startswith(base) and problems.append(f'request failed: {r.url} ({r.failure})'))
    page.on('response', lambda r: r.status >= 400 and not r.url.endswith('/favicon.ico') and problems.append(f'HTTP {r.status}: {r.url}'))
    page.goto(f'{base}/{path}', wait_until='load')
    state, res = stored_state(html), {'sliders': 0, 'all_sliders': 0, 'views': 0, 'rendered': []}
    views = page.evaluate(JS_VIEWS)
    if views:
        try: page.wait_for_function(f"() => ({JS_VIEWS})().every(v => v.rendered)", timeout=20000)
        except Exception: pass  # reported below, view by view
        views = page.evaluate(JS_VIEWS)
        res['views'], res['rendered'] = len(views), [i for i, v in enumerate(views) if v['rendered']]
        problems += [f'widget view {i} ({v["id"][:8]}) did not render' for i, v in enumerate(views) if not v['rendered']]
        for i, v in enumerate(views):
            if v['rendered'] and v['id'] in state:
                p, ok, n = check_sliders(page, state, i, v['id'])
                problems += p; res['sliders'] += ok; res['all_sliders'] += n
            elif v['id'] not in state: problems.append(f'widget view {i} ({v["id"][:8]}) has no stored state')
    math = page.evaluate(JS_MATH)
    if math['n']:
        try:
            page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=20000)
            page.evaluate("() => MathJax.startup.promise.then(() => true)")
        except Exception: problems.append('MathJax did not load')
        math = page.evaluate(JS_MATH)
        if math['typeset'] < math['n']: problems.append(f"math: {math['n'] - math['typeset']} of {math['n']} formulas not typeset")
    if math['raw']: problems.append(f"raw TeX left in {len(math['raw'])} places, first {math['raw'][0]!r}")
    res['math'] = math['typeset']
    res['wide'] = page.evaluate(JS_WIDE)
    problems += [f'source link to the wrong place: {h}' for h in bad_source_links(page.evaluate(JS_SOURCE_LINKS), path)]
    imgs = page.evaluate(JS_IMAGES)
    problems += [f'image does not show: {s}' for s in imgs['broken']]
    res.update(figures=imgs['figures'], widget_images=imgs['widget_images'])
    stem = path.replace('/', '__').removesuffix('.html')
    for i in res['rendered']:  # each explorer on its own, as left after the slider checks
        area = page.locator(f'script[type="{VIEW}"]').nth(i).locator('xpath=preceding-sibling::*[1]')
        if area.bounding_box(): area.screenshot(path=str(shots/f'{stem}--widget{i}.png'))
    page.evaluate('window.scrollTo(0, 0)'); page.wait_for_timeout(300)  # the navbar hides while scrolled
    page.screenshot(path=str(shots/f'{stem}.png'), full_page=True)
    page.close()
    res['problems'] = problems
    return res

# --- the rewrite of Quarto's CDN tags ------------------------------------------------------------

# The tags a page built by Quarto 1.10.18 loads from CDNs, exactly as Quarto writes them
# (taken from _docs/how_bn_works.html before the post-render step).
QUARTO_TAGS = """<script src="https://cdn.jsdelivr.net/npm/jquery@3.5.1/dist/jquery.min.js" integrity="sha384-ZvpUoO/+PpLXR1lu4jmpXWu80pZlYUAfxl5NsBMWOEPSjUn/6Z/hRTt8+pR6L4N2" crossorigin="anonymous"></script><script src="site_libs/quarto-nav/quarto-nav.js"></script>
<script src="https://cdn.jsdelivr.net/npm/requirejs@2.3.6/require.min.js" integrity="sha384-c9c+LnTbwQ3aujuU7ULEPVvgLs+Fn6fJUvIGTsuu1ZcCf11fiEubah0ttpca4ntM sha384-6V1/AdqZRWk1KAlWbKBlGhN7VG4iE/yAZcO6NZPMF8od0vukrvr0tg4qY6NSrItx" crossorigin="anonymous"></script>

<script type="application/javascript">define('jquery', [],function() {return window.jQuery;})</script>
<script src="https://cdn.jsdelivr.net/npm/@jupyter-widgets/html-manager@*/dist/embed-amd.js" crossorigin="anonymous"></script>

  <script src="https://cdnjs.cloudflare.com/polyfill/v3/polyfill.min.js?features=es6"></script>
  <script defer="" src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml-full.js" type="text/javascript"></script>
"""

def check_rewrite() -> list:
    "Quarto's CDN tags must all point at the site's own pinned copies, the polyfill dropped."
    out = site_widgets.rewrite(QUARTO_TAGS, '../_static')
    problems = [f'still loads from another host: {t}' for t in site_widgets.external_tags(out)]
    problems += [f'{u} left in' for u in ('integrity', 'polyfill') if u in out]
    for local in ('widgets/jquery.min.js', 'widgets/require.js', 'widgets/html-manager/embed-amd.js', 'mathjax/tex-chtml-full.js'):
        if f'src="../_static/{local}"' not in out: problems.append(f'not rewritten to the local {local}')
    if 'src="site_libs/quarto-nav/quarto-nav.js"' not in out: problems.append("the site's own script tags were changed")
    return problems

# --- the run -------------------------------------------------------------------------------------

class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args): pass

def serve(folder:Path):
    server = ThreadingHTTPServer(('127.0.0.1', 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

def main(out:Path, site:Path) -> int:
    from playwright.sync_api import sync_playwright
    if problems := check_rewrite():
        print("FAILED the rewrite of Quarto's CDN tags:", *problems, sep='\n       - ')
        return 1
    if not (site/'index.html').exists():
        print(f'FAILED: no site in {site}: build it with nbdev_docs first')
        return 1
    all_pages, lessons = pages(site), lesson_pages()
    missing = [l for l in lessons if l not in all_pages]
    if out.exists(): shutil.rmtree(out)
    shots = out/'screenshots'
    shots.mkdir(parents=True)
    server = serve(site)
    base = f'http://127.0.0.1:{server.server_port}'
    failed, start = 0, time.monotonic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in all_pages:
            context = browser.new_context(viewport={'width': 1280, 'height': 900}, service_workers='block')
            outside = []
            context.route(lambda url: not url.startswith(base + '/'), lambda route: (outside.append(route.request.url), route.abort()))
            res = check_page(context, base, path, (site/path).read_text(encoding='utf-8'), shots)
            context.close()
            problems = [f'request to another host refused: {u}' for u in outside] + res['problems']
            kind = 'lesson' if path in lessons else 'page'
            if kind == 'lesson' and res['wide']:  # a lesson's code must fit its column in a 1280-px window
                problems += [f"code block scrolls sideways in a 1280-px window: {w!r}" for w in res['wide']]
            if kind == 'lesson' and not (res['figures'] + res['widget_images'] and res['sliders']):
                problems.append(f"a lesson needs figures and a working explorer: {res['figures'] + res['widget_images']} pictures, {res['sliders']} working sliders")
            failed += bool(problems)
            print(f"{'ok' if not problems else 'FAILED':6s} {kind:6s} {path}: {res['figures']} figures, {res['views']} widget views "
                  f"showing {res['widget_images']} pictures, {res['sliders']} of {res['all_sliders']} sliders as the stored state predicts, "
                  f"{res['math']} formulas typeset, {len(res['wide'])} code blocks wider than their column")
            for pr in problems: print(f'       - {pr}')
        browser.close()
    server.shutdown()
    for l in missing: print(f'FAILED lesson  {l}: listed in nbs/sidebar.yml, but the site has no such page')
    n = len(all_pages)
    print(f'docs pages: {n - failed} passed, {failed} failed, {len(lessons) - len(missing)} of {len(lessons)} lessons found '
          f'({time.monotonic() - start:.0f} s; screenshots in {shots})')
    return 1 if failed or missing else 0

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('out', nargs='?', type=Path, default=ROOT/'artifacts'/'docs-check', help='folder for the screenshots')
    ap.add_argument('--site', type=Path, default=None, help="the built site (default: settings.ini's doc_path, _docs/)")
    args = ap.parse_args()
    sys.exit(main(args.out, args.site or site_dir()))

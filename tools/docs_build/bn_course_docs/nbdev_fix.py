"""Two fixes for nbdev 2.4.14's docs step (with execnb 0.1.x), loaded through the `procs` setting in settings.ini.

1. Widget links survive `nbdev_proc_nbs`. The course's explorers link their controls to their pictures with
   `jsdlink`; the notebook's widget state stores each link as a `LinkModel` whose `source` is a list,
   `[model id, trait name]`. When `nbdev_proc_nbs` writes a processed notebook, execnb 0.1.x converts it with
   `nb2dict`, which calls `splitlines` on every value stored under a key named `source` (meant for cell sources),
   and fails on the link's list: `AttributeError: 'list' object has no attribute 'splitlines'`. Importing this
   module wraps `nb2dict` so that it splits only text; `keep_widget_links` is the no-op processor that makes
   nbdev import it. Remove both once execnb handles lists there.
2. No doc links inside signatures. nbdev's `add_links` turns every backticked name it knows into a Markdown link,
   in a cell's Markdown *output* on every line, code blocks included, so a `show_doc` signature whose docments
   comment names a function showed raw link text. `unlink_code`, listed after nbdev's own processors, turns the
   links inside code blocks back into the names they were; links in the prose stay.

Tests: tools/docs_build/test_nbdev_fix.py (CI runs it).
"""
import re
import execnb.nbio as _nbio

__all__ = ['nb2dict', 'keep_widget_links', 'code_without_links', 'unlink_code']

_original_nb2dict = getattr(_nbio.nb2dict, 'execnb_original', _nbio.nb2dict)

def nb2dict(d, k=None):
    "execnb's `nb2dict`, except that a `source` which is not text (a widget link's) is kept as it is."
    if k == 'source' and not isinstance(d, str): k = None
    return _original_nb2dict(d, k)

nb2dict.execnb_original = _original_nb2dict
_nbio.nb2dict = nb2dict

def keep_widget_links(cell):
    "A no-op nbdev processor: listing it in `procs` makes nbdev import this module, which installs the fix."

_re_fence = re.compile(r'^\s*```')
_re_doc_link = re.compile(r'\[(`[^`]+`)\]\([^)\s]+\)')

def code_without_links(md:str) -> str:
    "`md` with the doc links inside its fenced code blocks turned back into the `name`s they link."
    lines, in_code = md.splitlines(keepends=True), False
    for i, line in enumerate(lines):
        if _re_fence.match(line): in_code = not in_code
        elif in_code: lines[i] = _re_doc_link.sub(r'\1', line)
    return ''.join(lines)

def unlink_code(cell):
    "An nbdev processor: no doc links inside the code blocks of a cell's Markdown outputs, such as `show_doc`'s signatures."
    for out in cell.get('outputs', []):
        md = out.get('data', {}).get('text/markdown')
        if md is None: continue
        new = code_without_links(''.join(md) if isinstance(md, list) else md)
        out['data']['text/markdown'] = new.splitlines(keepends=True) if isinstance(md, list) else new

# 3. Source links with line numbers. nbdev 2.4.14's `NbdevLookup.code` looks the line number up with the
#    object itself, while its table of definitions is keyed by name, so every `show_doc` source link ends
#    in `#LNone`. Look it up by the object's qualified name (or the name after the module's) instead, and
#    link to the file without a line when there is none.
import nbdev.doclinks as _dl

def _qualname(sym, py:str):
    if not isinstance(sym, str): return getattr(sym, '__qualname__', getattr(sym, '__name__', None))
    mod = py.removesuffix('.py').replace('/', '.') + '.'
    return sym.removeprefix(mod)

def code(self, sym):
    "Link to the source of `sym`, with its line number when nbdev's table of definitions has it."
    res = self[sym]
    if not isinstance(res, tuple): return None
    _, py, gh = res
    line = _dl._lineno(_qualname(sym, py), py)
    return f'{gh}#L{line}' if line else gh

_dl.NbdevLookup.code = code
__all__ += ['code']

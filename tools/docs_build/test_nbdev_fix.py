"""Tests of the docs-build fixes in bn_course_docs.nbdev_fix:  python tools/docs_build/test_nbdev_fix.py"""
import json
from execnb.nbio import nb2str, dict2nb
from bn_course_docs.nbdev_fix import code_without_links, unlink_code

def test_widget_links_survive():
    "A notebook with a link in its widget state converts; the link's `source` stays a list; cell sources still split."
    link = {'model_name': 'DirectionalLinkModel', 'state': {'source': ['IPY_MODEL_abc', 'index'], 'target': ['IPY_MODEL_def', 'selected_index']}}
    nb = dict2nb({'cells': [{'cell_type': 'code', 'source': 'a = 1\nb = 2', 'metadata': {}, 'outputs': [], 'execution_count': None}],
                  'metadata': {'widgets': {'application/vnd.jupyter.widget-state+json': {'state': {'k': link}}}},
                  'nbformat': 4, 'nbformat_minor': 5})
    out = json.loads(nb2str(nb))
    assert out['metadata']['widgets']['application/vnd.jupyter.widget-state+json']['state']['k']['state']['source'] == ['IPY_MODEL_abc', 'index']
    assert out['cells'][0]['source'] == ['a = 1\n', 'b = 2']

def test_no_links_in_signatures():
    "A signature's comment gets its name back; the link in the prose stays, and so does an output without Markdown."
    sig = "```python\ndef f(\n    x, # from [`g`](https://example.com/g.html#g)\n)\n```\n\nSee [`g`](https://example.com/g.html#g)."
    assert code_without_links(sig) == "```python\ndef f(\n    x, # from `g`\n)\n```\n\nSee [`g`](https://example.com/g.html#g)."
    cell = {'cell_type': 'code', 'outputs': [{'data': {'text/markdown': sig.splitlines(keepends=True)}}, {'text': 'x'}]}
    unlink_code(cell)
    assert ''.join(cell['outputs'][0]['data']['text/markdown']) == code_without_links(sig)
    assert cell['outputs'][1] == {'text': 'x'}

def test_source_links_have_line_numbers():
    "show_doc's source link names the definition's line, never #LNone."
    import re
    from nbdev.showdoc import show_doc
    from bn_course.results import verdict
    link = re.findall(r'blob/main/[^)]*', show_doc(verdict)._repr_markdown_())[0]
    assert re.fullmatch(r'blob/main/bn_course/results\.py#L\d+', link), link

if __name__ == '__main__':
    tests = [test_widget_links_survive, test_no_links_in_signatures, test_source_links_have_line_numbers]
    for t in tests: t()
    print(f"docs-build fixes: {len(tests)} passed, 0 failed")

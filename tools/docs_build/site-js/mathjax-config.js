// Loaded just before MathJax 3 on every page with math (tools/docs_build/site_widgets.py puts it there).
//
// ipywidgets 8 typesets each widget's label with MathJax 2's API whenever `window.MathJax` exists:
//   MathJax.Hub.Queue(['Typeset', MathJax.Hub, element])
// MathJax 3 has no `Hub`, so on a page with math every widget threw "Cannot read properties of
// undefined (reading 'Queue')". This gives MathJax a small `Hub` that typesets those elements with
// MathJax 3, once it is ready. MathJax replaces `window.MathJax` (this configuration) with itself
// while it starts, so the setter below hands the same `Hub` to whatever `window.MathJax` becomes.
(() => {
  const pending = [];
  let ready = false;
  const typeset = (els) => window.MathJax.typesetPromise(els).catch((e) => console.error('MathJax:', e));
  const Hub = {
    Queue(...jobs) {
      const els = jobs.filter((j) => Array.isArray(j) && j[0] === 'Typeset' && j[2]).map((j) => j[2]);
      if (ready) { if (els.length) typeset(els); } else pending.push(...els);
    },
  };
  let mathjax = {
    startup: {
      ready() {
        window.MathJax.startup.defaultReady();
        window.MathJax.startup.promise.then(() => { ready = true; if (pending.length) typeset(pending.splice(0)); });
      },
    },
  };
  Object.defineProperty(window, 'MathJax', {
    configurable: true,
    get: () => mathjax,
    set: (value) => { mathjax = value; if (value && !value.Hub) value.Hub = Hub; },
  });
  mathjax.Hub = Hub;
})();

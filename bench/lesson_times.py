"""What a learner waits for each lesson: "Run all" at full size, the quick report and the full report, as a Markdown table.

For each lesson of the course's registry (`bn_course.report.LESSONS`, the lessons `bn-course` runs), three
measurements, each in a fresh process at 1 CPU thread (the course's default, `set_threads`):
- Run all, full: the lesson's notebook executed cell by cell, `slow` cells included (the stored pages are full size),
  as tools/dev/execute_nbs.py executes it, but on a temporary copy of nbs/: nothing under nbs/ is written. The
  seconds include the kernel's start and the notebook's imports, as a learner's "Run all" does.
- quick report / full report: `run_lesson(key, quick=...)`, what `bn-course <lesson> [--quick]` and `bn-course run`
  call, i.e. the lesson's `report(SIZES['quick' | 'full'])`; the seconds are those of that call (imports excluded).
`--workers N` runs N measurements at once, in separate processes (each still at 1 thread): on a 2-core machine,
`--workers 2` halves the wall time and times each lesson as a machine with one core per lesson would.

Prints a Markdown table (lesson | Run all, full | quick report | full report, in seconds) under a line giving the
date, the CPU model, the core count, torch's version, the worker count and the load average before and after.
Expected duration on a quiet 2-core machine: the sum of the table's cells divided by `--workers`: for every lesson and
every column about 40 minutes with 1 worker, about 20 with `--workers 2`; `--only scratch --what quick` half a minute.

    BN_COURSE_DATA=../shared/data python -m bench.lesson_times [--workers 2] [--only tabular mnist] [--what runall quick full]
"""
import argparse, concurrent.futures as cf, datetime, multiprocessing, os, re, shutil, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHAT = {'runall': 'Run all, full', 'quick': 'quick report', 'full': 'full report'}

def notebook(key:str) -> Path:
    "The notebook lesson `key`'s module is exported from (read from the module's nbdev header)."
    from bn_course.report import lesson
    src = Path(lesson(key).__file__).read_text()
    m = re.search(r'File to edit: (\S+\.ipynb)', src)
    if not m: raise ValueError(f"cannot find the notebook of lesson {key!r} in {lesson(key).__file__}")
    return ROOT / 'nbs' / Path(m.group(1)).name

def _one_thread():
    for k in ('OMP_NUM_THREADS', 'MKL_NUM_THREADS', 'BN_COURSE_THREADS'): os.environ[k] = '1'
    os.environ.setdefault('MPLBACKEND', 'Agg')

def run_all(key:str) -> float:
    "Seconds to execute lesson `key`'s notebook, every cell, on a copy of nbs/ in a temporary folder."
    import nbformat
    from nbclient import NotebookClient
    _one_thread()
    no_eval = re.compile(r'^\s*#\|\s*eval:\s*false\s*$', re.M)
    with tempfile.TemporaryDirectory() as tmp:
        nbs = Path(tmp) / 'nbs'
        shutil.copytree(ROOT / 'nbs', nbs, ignore=shutil.ignore_patterns('_docs', '_proc', '.ipynb_checkpoints'))
        path = nbs / notebook(key).name
        nb = nbformat.read(path, as_version=4)
        for c in nb.cells:
            if c.cell_type == 'code' and no_eval.search(c.source): c.source = ''  # as execute_nbs: skipped, numbering kept
        t = time.perf_counter()
        NotebookClient(nb, timeout=3600, kernel_name='python3', resources={'metadata': {'path': str(nbs)}}).execute()
        return time.perf_counter() - t

def report_time(key:str, quick:bool) -> float:
    "Seconds of `run_lesson(key, quick)`, as `bn-course` calls it."
    _one_thread()
    from bn_course.core import set_threads
    from bn_course.report import run_lesson, lesson
    import matplotlib.pyplot as plt
    set_threads(); lesson(key)
    t = time.perf_counter()
    run_lesson(key, quick=quick)
    secs = time.perf_counter() - t
    plt.close('all')
    return secs

def measure(key:str, what:str) -> float:
    return run_all(key) if what == 'runall' else report_time(key, what == 'quick')

def machine() -> str:
    import torch
    cpu = next((l.split(':', 1)[1].strip() for l in Path('/proc/cpuinfo').read_text().splitlines() if l.startswith('model name')), 'unknown CPU')
    return f"{cpu}, {os.cpu_count()} cores, torch {torch.__version__}"

def load() -> str: return ' '.join(f'{x:.2f}' for x in os.getloadavg())

def main(keys:list, whats:list, workers:int):
    from bn_course.report import LESSONS
    names = {v: k for k, v in LESSONS.items()}
    keys = [names.get(k, k) for k in (keys or LESSONS)]
    bad = [k for k in keys if k not in LESSONS]
    if bad: raise SystemExit(f"unknown lesson(s) {bad}: choose from {', '.join(LESSONS)} (or their modules {', '.join(LESSONS.values())})")
    _one_thread()
    start, t0 = datetime.datetime.now(datetime.timezone.utc), time.perf_counter()
    before = load()
    tasks = [(k, w) for k in keys for w in whats]
    ctx = multiprocessing.get_context('spawn')  # a fresh interpreter per measurement: no warm caches from the previous one
    with cf.ProcessPoolExecutor(workers, mp_context=ctx, max_tasks_per_child=1) as pool:
        futures = {pool.submit(measure, k, w): (k, w) for k, w in tasks}
        secs = {}
        for f in cf.as_completed(futures):
            k, w = futures[f]
            try: secs[k, w] = f.result()
            except Exception as e: secs[k, w] = None; print(f"{k}, {WHAT[w]}: failed with {type(e).__name__}: {e}")
            print(f"{k}, {WHAT[w]}: {secs[k, w] if secs[k, w] is None else round(secs[k, w])} s", flush=True)
    print(f"\nMeasured {start:%Y-%m-%d %H:%M} UTC on {machine()}; {workers} worker(s), each at 1 thread; "
          f"load average {before} before, {load()} after; {time.perf_counter() - t0:.0f} s in all.\n")
    print('| lesson | ' + ' | '.join(f'{WHAT[w]} (s)' for w in whats) + ' |')
    print('| --- | ' + ' | '.join('---:' for _ in whats) + ' |')
    for k in keys:
        cells = ['failed' if secs[k, w] is None else f'{secs[k, w]:.0f}' for w in whats]
        print(f"| {k} ({notebook(k).name}) | " + ' | '.join(cells) + ' |')

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--workers', type=int, default=1, help="measurements run at once, each in its own process (default 1)")
    p.add_argument('--only', nargs='+', default=None, help="lesson keys (as `bn-course`) or module names; default every lesson")
    p.add_argument('--what', nargs='+', default=list(WHAT), choices=list(WHAT), help="which columns (default all three)")
    a = p.parse_args()
    if a.workers < 1: raise SystemExit(f"--workers must be at least 1, got {a.workers}")
    main(a.only, a.what, a.workers)

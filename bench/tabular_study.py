"""Lesson 1's main study on the stacked engine against the seed-style loop, per job, both in one run.

The workload is read from the lesson (bn_course.lessons.tabular): its main study at full size, called as the
lesson's notebook and its `report` call it,
    tabular_study(data, SIZES['full'].seeds, {**SETUPS, **INPUT_BN}, stop_on='both', epochs=SIZES['full'].epochs)
(today 5 arms × 5 seeds × 5 folds × 2 stopping rules = 250 jobs, trained by the lesson as ONE stack). The bench
runs that call with `experiments.run_jobs` intercepted, so it gets the lesson's own jobs (models, data, data
orders) and its own `run_jobs` arguments, stack by stack, whatever the lesson's sizes are when it runs.
- stacked: the lesson's `run_jobs` call(s), unchanged: every job in the lesson's stacking (the full stack).
- seed-style: `reference_fit`, the original course's loop (DataLoader, default Adam, deepcopy early stopping),
  one job at a time, over a stated fraction of the same jobs: piece i takes every k-th job from job i
  (k = `--every`, default 25, so 10 of 250 jobs per piece, spread over all arms, seeds, folds and rules).
Timing (bench/_paired.py): on each piece, both sides at 1 thread, then both at torch's default thread count,
seconds apart; a pair's ratio is (seed-style seconds per job) / (stacked seconds per job). Both sides run the
same early stopping (patience 10, epoch cap from the lesson), so a job's epochs differ only by its data order;
the bench prints the mean epochs of the sampled jobs beside the mean over all jobs. The last line is
`speedup <ratio>x`: the median pair ratio at 1 thread.

Expected duration on a quiet 2-core machine: about 2½ minutes with the defaults (3 pieces), 1¼ with --one-thread (measured 2026-12-06).

    BN_COURSE_DATA=../shared/data python -m bench.tabular_study [--pieces 3] [--every 25]
"""
import argparse, copy, dataclasses, statistics
import torch
import bn_course.experiments as experiments
from bn_course.data import load_simple_dataset, encode_tabular
from bench._reference import reference_fit
from bn_course.lessons.tabular import SETUPS, INPUT_BN, SIZES, tabular_study
from bench._paired import paired, report  # the timing shared by the benches

def lesson_calls(data) -> list:
    "The lesson's main study at full size, as (jobs, run_jobs keyword arguments), one per stack it trains; nothing is trained."
    calls, run_jobs = [], experiments.run_jobs
    def capture(jobs, **kw):
        calls.append((jobs, kw))
        rows = [dict(key=j.key, train_curve=[1.], val_curve=[1.], epochs=1, best_epoch=1, stopped_early=True, test_loss=1.)
                for j in jobs]
        return [j.model for j in jobs], rows
    experiments.run_jobs = capture
    try: tabular_study(data, SIZES['full'].seeds, {**SETUPS, **INPUT_BN}, stop_on='both', epochs=SIZES['full'].epochs)
    finally: experiments.run_jobs = run_jobs
    return calls

def fresh(jobs:list) -> list:
    "The jobs with copies of their generators, so that every timed run draws the same data orders."
    return [dataclasses.replace(j, generator=torch.Generator().set_state(j.generator.get_state())) for j in jobs]

def stacked(calls:list) -> list:
    "The lesson's stacks, as the lesson runs them; the rows of all jobs."
    return [r for jobs, kw in calls for r in experiments.run_jobs(fresh(jobs), **kw)[1]]

def seed_style(jobs:list, kw:dict) -> list:
    "`reference_fit` on each job, one at a time; the epochs each ran."
    args = {k: kw[k] for k in ('epochs', 'lr', 'bs', 'patience') if k in kw}
    return [len(reference_fit(copy.deepcopy(j.model), j.x_train, j.y_train, j.x_valid, j.y_valid, **args)) for j in jobs]

def main(pieces:int, every:int, one_thread:bool=False):
    data = encode_tabular(load_simple_dataset())
    calls = lesson_calls(data)
    jobs = [(j, kw) for js, kw in calls for j in js]
    n = len(jobs)
    print(f"Lesson 1's main study: {n} jobs in {len(calls)} stack(s) of {', '.join(str(len(js)) for js, _ in calls)}; "
          f"run_jobs arguments {calls[0][1]}")
    parts = [jobs[i::every] for i in range(pieces)]
    epochs = {'stacked': [], 'seed-style': []}
    def run_stacked(part):
        epochs['stacked'] = [r['epochs'] for r in stacked(calls)]
    def run_seed(part):
        epochs['seed-style'] += [e for j, kw in part for e in seed_style([j], kw)]
    res = paired([(p,) for p in parts], {'seed-style': run_seed, 'stacked': run_stacked}, one_thread=one_thread)
    for p, part in zip(res['pairs'], parts * (len(res['pairs']) // len(parts))):
        for side, c in p: p[side, c] /= len(part) if side == 'seed-style' else n  # seconds per job
    sampled = sum(len(p) for p in parts)
    print(f"seed-style: {sampled} of the {n} jobs (every {every}th, from jobs 0..{pieces - 1}), each once per thread count; "
          f"stacked: all {n} jobs per piece. Seconds below are per job.")
    print(f"mean epochs per job: sampled jobs under seed-style {statistics.mean(epochs['seed-style']):.1f}, "
          f"all jobs stacked {statistics.mean(epochs['stacked']):.1f}")
    for side in ('seed-style', 'stacked'):
        per_job = [p[side, 1] for p in res['pairs']]
        print(f"{side}: {statistics.median(per_job):.4f} s per job at 1 thread (median over pieces)")
    print(f"speedup {report(res, 'seed-style', 'stacked', unit='job'):.1f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--pieces', type=int, default=3, help="pairs: each times the whole stack and a fraction of the jobs seed-style (default 3)")
    p.add_argument('--every', type=int, default=25, help="piece i runs jobs i, i+k, i+2k, ... seed-style (default k=25)")
    p.add_argument('--one-thread', action='store_true', help="time at 1 thread only, not also at torch's default count")
    a = p.parse_args()
    main(a.pieces, a.every, a.one_thread)

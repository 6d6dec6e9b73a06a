"""Lesson 1's cross-validation on the stacked engine, against the seed-style loop: same models, same data, same thread count.

Both sides train the same jobs: for each setup of the study and each fold, the course's network built
by the lesson (`tabular_net`), the fold's inner training part (1,200 customers), early stopping
(patience 10) on the inner validation split, up to Lesson 1's epoch cap (`SIZES['full'].epochs`), Adam lr 0.01, batch 32.
- seed-style: the original course's loop (`reference_fit`: DataLoader, default Adam, deepcopy early
  stopping), one job at a time.
- stacked: bn_course's `run_jobs(engine='stacked')`: the seed's 20 jobs (4 setups x 5 folds) as one stack.
Timed in pairs (bench/_paired.py): one piece per seed, both sides at 1 thread, then both at torch's
default thread count, seconds apart. The last line is `speedup <ratio>x`, the median over the pieces,
at 1 thread, of (seed-style seconds per job) / (stacked seconds per job).

    BN_COURSE_DATA=../shared/data python -m bench.tabular_study [--seeds 2]
"""
import argparse, copy, dataclasses
import torch
from bn_course.data import load_simple_dataset, encode_tabular
from bench._reference import reference_fit
from bn_course.experiments import fold_jobs, run_jobs
from bn_course.lessons.tabular import SETUPS, SIZES, tabular_net
from bench._paired import paired, report  # the timing shared by the benches

def seed_jobs(data, seed:int) -> list:
    "The study's jobs for one seed: every setup, every fold."
    make = lambda s: (lambda: tabular_net(data.x.shape[1], **{k: v for k, v in s.items() if k != 'scale_inputs'}))
    return [j for name, s in SETUPS.items() for j in fold_jobs(data.x, data.y, make(s), seed, (name,), s['scale_inputs'])]

def seed_style(jobs):
    for j in jobs: reference_fit(copy.deepcopy(j.model), j.x_train, j.y_train, j.x_valid, j.y_valid, epochs=SIZES['full'].epochs)

def stacked(jobs):
    fresh = lambda g: torch.Generator().set_state(g.get_state())  # the same data orders on every timed run
    run_jobs([dataclasses.replace(j, generator=fresh(j.generator)) for j in jobs], epochs=SIZES['full'].epochs, engine='stacked')

def main(seeds:int):
    data = encode_tabular(load_simple_dataset())
    pieces = [(seed_jobs(data, s),) for s in range(seeds)]
    res = paired(pieces, {'seed-style': seed_style, 'stacked': stacked})
    n = len(pieces[0][0])
    for p in res['pairs']:
        for k in p: p[k] /= n  # seconds per job
    print(f"{n} jobs per piece (4 setups x 5 folds); seconds below are per job")
    print(f"speedup {report(res, 'seed-style', 'stacked'):.1f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, default=2, help="pieces: one per seed (default 2)")
    main(p.parse_args().seeds)

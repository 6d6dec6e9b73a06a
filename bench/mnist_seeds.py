"""Lesson 4's seed comparisons on the stacked engine against the seed-style loop, per model, both in one run.

The workload is read from the lesson (bn_course.lessons.mnist): the seed comparisons it trains as stacks, at full
size (`SIZES['full']`): the learning-rate sweep (`_lr_sweep`: for each optimizer, the networks with and without BN
at each of its 4 learning rates × `sweep_seeds`, 784-100-100-100-10, one epoch, batch 60; one stack per optimizer and
arm, each network at its own rate) and the sigmoid-initialization study (`_init_study`: 5 arms × `sweep_seeds`, SGD 0.1).
The bench calls those functions with `experiments.run_jobs` intercepted, so it gets the lesson's own jobs (models, data
orders, learning rates) and `run_jobs` arguments, one call per stack (today 4 stacks of 12 networks and one of 15).
- stacked: the lesson's `run_jobs` call, unchanged but for the data: the stack as the lesson stacks it.
- seed-style: the original course's loop, one network at a time: DataLoader(TensorDataset(x, y), shuffle=True) at
  the lesson's batch size, torch's default Adam or SGD at the job's learning rate, cross-entropy.
A stated fraction of the work: piece i is stack i (of the lesson's 5) on one sixth of the training images
(10,000 of 60,000, part i mod 6), one epoch; validation and test on 2 images, so both sides time training only.
Timing (bench/_paired.py): on each piece both sides at 1 thread, then both at torch's default thread count,
seconds apart; a pair's ratio is (seed-style seconds per network) / (stacked seconds per network). The last line
is `speedup <ratio>x`: the median pair ratio at 1 thread.

Expected duration on a 2-core machine: about 50 s with --one-thread (2 passes; measured 2026-12-06 at load ~0.8), about
twice that without. The stacked side takes its steps without autograd where it can (`stacked._ByHand`: the same ops, bit-identical).

    BN_COURSE_DATA=../shared/data python -m bench.mnist_seeds
"""
import argparse, copy, dataclasses
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
import bn_course.experiments as experiments
from bn_course.data import mnist_tensors
from bn_course.lessons import mnist as lesson
from bench._paired import paired, report  # the timing shared by the benches

def lesson_calls(x, y, xv, yv) -> list:
    "The lesson's stacked seed comparisons at full size, as (jobs, run_jobs keyword arguments); nothing is trained."
    calls, run_jobs = [], experiments.run_jobs
    def capture(jobs, **kw):
        calls.append((jobs, kw))
        rows = [dict(key=j.key, train_curve=[1.], val_curve=[1.], epochs=1, best_epoch=None, stopped_early=False, test_loss=1.)
                for j in jobs]
        return [copy.deepcopy(j.model).eval() for j in jobs], rows
    experiments.run_jobs = capture
    S = lesson.SIZES['full']
    try:
        lesson._lr_sweep(x[:S.n_sweep], y[:S.n_sweep], xv, yv, S.sweep_seeds)
        lesson._init_study(x[:S.n_sweep], y[:S.n_sweep], xv, yv, S.sweep_seeds)
    finally: experiments.run_jobs = run_jobs
    return calls

def on_part(jobs:list, x, y) -> list:
    "The jobs trained on `(x, y)` and checked on 2 images, each with a copy of its generator (the same orders every run)."
    x2, y2 = x[:2], y[:2]  # one tensor for all jobs: shared data, as in the lesson
    return [dataclasses.replace(j, generator=torch.Generator().set_state(j.generator.get_state()), x_train=x, y_train=y,
                                x_valid=x2, y_valid=y2, x_test=x2, y_test=y2) for j in jobs]

def stacked(jobs, kw, x, y):
    experiments.run_jobs(on_part(jobs, x, y), **kw)

def seed_style(jobs, kw, x, y):
    for j in jobs:
        model = copy.deepcopy(j.model).train()
        make = torch.optim.Adam if kw.get('opt', 'adam') == 'adam' else torch.optim.SGD
        opt = make(model.parameters(), lr=kw['lr'] if j.lr is None else j.lr)
        for _ in range(kw.get('epochs', 1)):
            for xb, yb in DataLoader(TensorDataset(x, y), batch_size=kw['bs'], shuffle=True):
                opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def main(parts:int, repeats:int, stacks:int|None=None, one_thread:bool=False):
    (x, y), (xv, yv) = mnist_tensors(True), mnist_tensors(False)
    calls = lesson_calls(x, y, xv, yv)
    timed = calls[:stacks] if stacks else calls
    S = lesson.SIZES['full']
    print(f"Lesson 4's stacked seed comparisons: {len(calls)} stacks of {', '.join(str(len(j)) for j, _ in calls)} networks, "
          f"{sum(len(j) for j, _ in calls)} in all, each one epoch over {S.n_sweep:,} images at full size; timed: {len(timed)} of the stacks")
    chunks = list(zip(x[:S.n_sweep].chunk(parts), y[:S.n_sweep].chunk(parts)))
    pieces = [(jobs, kw, *chunks[i % parts]) for i, (jobs, kw) in enumerate(timed)]
    res = paired(pieces, {'seed-style': seed_style, 'stacked': stacked}, repeats, one_thread)
    for p, (jobs, *_) in zip(res['pairs'], pieces * repeats):
        for k in p: p[k] /= len(jobs)  # seconds per network
    print(f"each piece: one stack on {len(chunks[0][0]):,} images (1/{parts} of an epoch); seconds below are per network")
    print(f"speedup {report(res, 'seed-style', 'stacked', unit='network'):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--parts', type=int, default=6, help="the training images are cut into this many parts (default 6)")
    p.add_argument('--repeats', type=int, default=2, help="passes over the pieces (default 2: 10 pairs)")
    p.add_argument('--stacks', type=int, default=None, help="time only the first N of the lesson's stacks (default: all)")
    p.add_argument('--one-thread', action='store_true', help="time at 1 thread only, not also at torch's default count")
    a = p.parse_args()
    main(a.parts, a.repeats, a.stacks, a.one_thread)

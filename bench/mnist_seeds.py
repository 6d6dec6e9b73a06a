"""MNIST, 2 networks x 3 seeds: the stacked engine against the seed-style loop, per model-epoch.

- seed-style: the original course's loop (DataLoader(TensorDataset), default Adam, batch 64), one
  model at a time, one model of each network (its cost per model-epoch does not depend on the seed).
- stacked: bn_course's `fit_stacked`, all 6 networks (3 seeds without BN, 3 with) as one stack sharing
  the data, each with its own weights and data order (validation on 2 images, so that both sides
  time training only, as the seed-style loop does).
Timed as in bench/mnist_epoch.py (bench/_paired.py): 6 parts of 10,000 images, both sides on each part
at 1 thread, then both at torch's default thread count, seconds apart. The last line is `speedup <ratio>x`,
the median over the pairs at 1 thread of (seed-style seconds per model) / (stacked seconds per model),
over `--repeats` passes (default 2); the same at torch's default thread count is printed above.

    BN_COURSE_DATA=../shared/data python -m bench.mnist_seeds
"""
import argparse
import torch
from bn_course.core import set_seed
from bn_course.data import mnist_tensors
from bn_course.lessons.mnist import mnist_net as mnist_mlp
from bn_course.training import accuracy
from bn_course.stacked import StackedSequential, fit_stacked
from bench._paired import paired, report  # the timing shared by the benches
from bench.mnist_epoch import seed_style_epoch, both_nets  # the same seed-style loop as bench/mnist_epoch.py

ARMS = [(norm, seed) for norm in (None, 'batch') for seed in (0, 1, 2)]

def stacked_epoch(x, y):
    "One epoch of all six networks as one stack; returns the trained stack."
    models = []
    for norm, seed in ARMS: set_seed(seed); models.append(mnist_mlp(norm))
    gens = [torch.Generator().manual_seed(seed) for _, seed in ARMS]
    best, _ = fit_stacked(StackedSequential(models), x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss='ce',
                          patience=None, generators=gens, progress=False)
    return best

def main(repeats:int):
    x, y = mnist_tensors(True); xv, yv = mnist_tensors(False)
    res = paired(list(zip(x.chunk(6), y.chunk(6))), {'seed-style': both_nets(seed_style_epoch), 'stacked': stacked_epoch}, repeats)
    for p in res['pairs']:
        for (side, c) in p: p[side, c] /= 2 if side == 'seed-style' else len(ARMS)  # seconds per model
    ratio = report(res, 'seed-style', 'stacked')
    best = stacked_epoch(x, y)  # one whole epoch, to show the stack learns
    accs = [round(accuracy(best.unstack(k), xv, yv), 4) for k in range(len(ARMS))]
    print(f"after one full epoch, test accuracy without BN {accs[:3]}, with BN {accs[3:]}")
    print(f"speedup {ratio:.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

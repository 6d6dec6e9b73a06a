"""MNIST, 2 networks x 3 seeds: the stacked engine against the seed-style loop, per model-epoch.

- seed-style: the original course's loop (DataLoader(TensorDataset), default Adam, batch 64), one
  model at a time, one model of each network (its cost per model-epoch does not depend on the seed).
- stacked: bn_course's `fit_stacked`, all 6 networks (3 seeds without BN, 3 with) as one stack sharing
  the data, each with its own weights and data order (validation on 2 images, so that both sides
  time training only, as the seed-style loop does).
Both run at torch's default thread count, in one process. This machine is shared and its speed
drifts by tens of percent within seconds, so the sides alternate in short pieces: the 60,000 training
images are cut into 6 parts of 10,000, and each part is one pair of measurements, seed-style then
stacked, taken seconds apart. The ratio of a pair is (seed-style seconds per model) / (stacked
seconds per model); the last line is `speedup <ratio>x`, the median over all pairs
(`--repeats` passes over the 6 parts, default 2). Seconds per model-epoch are the sums over the parts.

    BN_COURSE_DATA=../shared/data python bench/mnist_seeds.py
"""
import argparse, statistics, time
import torch
from bn_course.core import set_seed
from bn_course.data import mnist_tensors
from bn_course.mnist import mnist_mlp, accuracy
from bn_course.stacked import StackedSequential, fit_stacked
from mnist_epoch import seed_style_epoch, timed  # the same seed-style loop as bench/mnist_epoch.py

ARMS = [(norm, seed) for norm in (None, 'batch') for seed in (0, 1, 2)]

def stacked_epoch(x, y):
    "One epoch of all six networks as one stack; returns the trained stack."
    models = []
    for norm, seed in ARMS: set_seed(seed); models.append(mnist_mlp(norm))
    gens = [torch.Generator().manual_seed(seed) for _, seed in ARMS]
    best, _ = fit_stacked(StackedSequential(models), x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss='ce',
                          patience=None, generators=gens, progress=False)
    return best

def seed_style(x, y):
    "One epoch of one network of each kind, one after the other."
    for norm in (None, 'batch'): set_seed(0); seed_style_epoch(mnist_mlp(norm), x, y)

def main(repeats:int, parts:int=6):
    x, y = mnist_tensors(True); xv, yv = mnist_tensors(False)
    pieces = list(zip(x.chunk(parts), y.chunk(parts)))
    ratios, seed_epochs, stack_epochs = [], [], []
    for r in range(repeats):
        s_tot = b_tot = 0.
        for xp, yp in pieces:
            s = timed(lambda: seed_style(xp, yp)) / 2
            b = timed(lambda: stacked_epoch(xp, yp)) / len(ARMS)
            ratios.append(s / b); s_tot += s; b_tot += b
        seed_epochs.append(s_tot); stack_epochs.append(b_tot)
        print(f"pass {r + 1}: seed-style {s_tot:.2f} s, stacked {b_tot:.2f} s per model-epoch; "
              f"pair ratios {' '.join(f'{q:.2f}' for q in ratios[-parts:])}")
    best = stacked_epoch(x, y)  # a whole epoch, to show the stack learns
    accs = [round(accuracy(best.unstack(k), xv, yv), 4) for k in range(len(ARMS))]
    print(f"after one full epoch, test accuracy without BN {accs[:3]}, with BN {accs[3:]}")
    print(f"seed-style: {min(seed_epochs):.2f} s per model-epoch; stacked: {min(stack_epochs):.2f} s per model-epoch, "
          f"{min(stack_epochs) * len(ARMS):.2f} s for all {len(ARMS)} (fastest pass of each; {torch.get_num_threads()} threads each)")
    print(f"pair ratios: min {min(ratios):.2f}, median {statistics.median(ratios):.2f}, max {max(ratios):.2f} over {len(ratios)} pairs")
    print(f"speedup {statistics.median(ratios):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

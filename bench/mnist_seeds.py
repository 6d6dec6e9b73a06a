"""MNIST, 2 networks x 3 seeds: the stacked engine against the seed-style loop, per model-epoch.

- seed-style: the original course's loop (DataLoader(TensorDataset), default Adam, batch 64), one
  model at a time, one epoch of each network (its cost per model-epoch does not depend on the seed).
- stacked: bn_course's `fit_stacked`, all 6 networks (3 seeds without BN, 3 with) as one stack sharing
  the data, each with its own weights and data order, one epoch (validation on 2 images, so that
  both sides time training only, as the seed-style loop does).
Both run at torch's default thread count, in the same process, one after the other, `--repeats` times
(default 2); the minimum of each side is compared, which is the least disturbed by other load.
The last line is `speedup <ratio>x`, ratio = seed-style seconds per model-epoch / stacked seconds per model-epoch.

    BN_COURSE_DATA=../shared/data python bench/mnist_seeds.py
"""
import argparse, time
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

def main(repeats:int):
    x, y = mnist_tensors(True); xv, yv = mnist_tensors(False)
    seed_times, stack_times = [], []
    for _ in range(repeats):
        per_net = []
        for norm in (None, 'batch'):
            set_seed(0); m = mnist_mlp(norm); per_net.append(timed(lambda: seed_style_epoch(m, x, y)))
        seed_times.append(sum(per_net) / 2)
        t = time.perf_counter(); best = stacked_epoch(x, y); stack_times.append((time.perf_counter() - t) / len(ARMS))
        print(f"seed-style {seed_times[-1]:.2f} s, stacked {stack_times[-1]:.2f} s per model-epoch")
    accs = [round(accuracy(best.unstack(k), xv, yv), 4) for k in range(len(ARMS))]
    print(f"after one epoch, test accuracy without BN {accs[:3]}, with BN {accs[3:]}")
    s, b = min(seed_times), min(stack_times)
    print(f"seed-style: {s:.2f} s per model-epoch; stacked: {b:.2f} s per model-epoch, "
          f"{b * len(ARMS):.2f} s for all {len(ARMS)} ({torch.get_num_threads()} threads each)")
    print(f"speedup {s / b:.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

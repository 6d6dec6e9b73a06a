"""One MNIST epoch of one model: the seed-style DataLoader loop against bn_course's in-memory loop.

Both train the original course's MLP (784-100-50-10, with and without BN) for one epoch,
Adam lr 1e-3, batch 64, on the same in-memory tensors (60,000 images, normalized 0.5/0.5).
- seed-style: DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True), default Adam.
- bn_course: `fit` (in-memory shuffled batches, `FastAdam`; validation on 2 images, so both sides time
  training only).
The original course fed the DataLoader from torchvision's dataset with a per-image transform, which
is slower still; the TensorDataset loop is the fairer, faster baseline.
Each side runs at torch's default thread count and at 1 thread, interleaved, `--repeats` times
(default 2); each side's time is its minimum over repeats, the least disturbed by other load.
The last line is `speedup <ratio>x`: seed-style seconds / bn_course seconds, summed over both models,
each side at its own faster thread count. The ratios at equal thread counts are printed above it.

    BN_COURSE_DATA=../shared/data python bench/mnist_epoch.py
"""
import argparse, time
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from bn_course.core import set_seed, set_threads
from bn_course.data import mnist_tensors
from bn_course.training import fit
from bn_course.mnist import mnist_mlp

def seed_style_epoch(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for xb, yb in DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True):
        opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def our_epoch(model, x, y):
    fit(model, x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss_fn=F.cross_entropy, progress=False)

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def main(repeats:int):
    x, y = mnist_tensors(True)
    counts = sorted({torch.get_num_threads(), 1}, reverse=True)
    best = {}  # (side, threads, norm) -> fastest seconds
    for _ in range(repeats):
        for threads in counts:
            set_threads(threads)
            for norm in (None, 'batch'):
                for side, epoch in (('seed-style', seed_style_epoch), ('bn_course', our_epoch)):
                    set_seed(0); m = mnist_mlp(norm)
                    t = timed(lambda: epoch(m, x, y))
                    best[side, threads, norm] = min(t, best.get((side, threads, norm), t))
    total = lambda side, threads: best[side, threads, None] + best[side, threads, 'batch']
    for threads in counts:
        s, o = total('seed-style', threads), total('bn_course', threads)
        print(f"{threads} thread(s): seed-style {best['seed-style', threads, None]:.2f} + {best['seed-style', threads, 'batch']:.2f} s, "
              f"bn_course {best['bn_course', threads, None]:.2f} + {best['bn_course', threads, 'batch']:.2f} s "
              f"(without + with BN): {s / o:.2f}x at equal threads")
    ts, to = min(counts, key=lambda c: total('seed-style', c)), min(counts, key=lambda c: total('bn_course', c))
    print(f"each at its faster thread count: seed-style {total('seed-style', ts):.2f} s ({ts} thread(s)), bn_course {total('bn_course', to):.2f} s ({to} thread(s))")
    print(f"speedup {total('seed-style', ts) / total('bn_course', to):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

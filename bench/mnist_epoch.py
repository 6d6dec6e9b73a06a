"""One MNIST epoch of one model: the seed-style DataLoader loop against bn_course's in-memory loop.

Both train the original course's MLP (784-100-50-10, with and without BN) for one epoch,
Adam lr 1e-3, batch 64, on the same in-memory tensors (60,000 images, normalized 0.5/0.5).
- seed-style: DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True), default Adam.
- bn_course: `fit` (in-memory shuffled batches, `FastAdam`; validation on 2 images, so both sides time
  training only).
The original course fed the DataLoader from torchvision's dataset with a per-image transform, which
is slower still; the TensorDataset loop is the fairer, faster baseline.

How it is timed: bench/_paired.py (shared by the benches). The training images are cut into 6
parts of 10,000; on each part (and network) both sides run seconds apart, at 1 thread and at torch's
default thread count. The last line is `speedup <ratio>x`, the median pair ratio with both sides at 1
thread (the course's default), over `--repeats` passes (default 2); the median at torch's default
thread count, and seconds per model-epoch (fastest pass), are printed above it.

    BN_COURSE_DATA=../shared/data python -m bench.mnist_epoch
"""
import argparse
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from bn_course.core import set_seed
from bn_course.data import mnist_tensors
from bn_course.training import fit
from bn_course.lessons.mnist import mnist_net as mnist_mlp
from bench._paired import paired, report  # the timing shared by the benches

def seed_style_epoch(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for xb, yb in DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True):
        opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def both_nets(epoch):
    "One epoch of each network (without, then with BN), one at a time; seconds per model come out as the total / 2."
    def run(x, y):
        for norm in (None, 'batch'): set_seed(0); epoch(mnist_mlp(norm), x, y)
    return run

def our_epoch(model, x, y):
    fit(model, x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss_fn=F.cross_entropy, progress=False)

def main(repeats:int):
    x, y = mnist_tensors(True)
    res = paired(list(zip(x.chunk(6), y.chunk(6))), {'seed-style': both_nets(seed_style_epoch), 'bn_course': both_nets(our_epoch)}, repeats)
    for p in res['pairs']:
        for k in p: p[k] /= 2  # two networks per run: seconds per model
    print(f"speedup {report(res, 'seed-style', 'bn_course'):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

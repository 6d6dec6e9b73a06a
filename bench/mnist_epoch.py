"""One MNIST epoch of each of Lesson 4's main networks: the seed-style DataLoader loop against the lesson's in-memory loop.

The workload is read from the lesson (bn_course.lessons.mnist): its main comparison trains `mnist_mlp(**kw)` for each
arm of `MAIN_ARMS` (784-100-50-10: without BN, with BN, with dropout 0.2) with `fit` at the lesson's `BS` and `LR`
(Adam), no validation data, from `set_seed(seed)`; the bench trains each arm once per piece, from seed 0.
- seed-style: DataLoader(TensorDataset(x, y), batch_size=BS, shuffle=True), torch's default Adam at LR.
- bn_course: the lesson's call, `fit(model, x, y, epochs=1, bs=BS, lr=LR, loss_fn=F.cross_entropy, progress=False)`
  (in-memory shuffled batches, `FastAdam`, and, these being plain MLPs, backpropagation by hand: autograd's own ops
  without its graph, bit-identical weights; see nbs/03_training.ipynb), less the lesson's checkpoint hook (whose
  evaluations the lesson's own clock leaves out).
The original course fed the DataLoader from torchvision's dataset with a per-image transform, which
is slower still; the TensorDataset loop is the fairer, faster baseline.

How it is timed: bench/_paired.py (shared by the benches). The training images are cut into 6
parts of 10,000; on each part (all arms, one after the other) both sides run seconds apart, at 1 thread and at
torch's default thread count. The last line is `speedup <ratio>x`, the median pair ratio with both sides at 1
thread (the course's default), over `--repeats` passes (default 2); the median at torch's default
thread count, and each side's seconds per network on one part (median over parts), are printed above it.

Expected duration on a quiet 2-core machine: under a minute.

    BN_COURSE_DATA=../shared/data python -m bench.mnist_epoch
"""
import argparse
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from bn_course.core import set_seed
from bn_course.data import mnist_tensors
from bn_course.training import fit
from bn_course.models import mnist_mlp
from bn_course.lessons.mnist import MAIN_ARMS, BS, LR
from bench._paired import paired, report  # the timing shared by the benches

def seed_style_epoch(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    model.train()
    for xb, yb in DataLoader(TensorDataset(x, y), batch_size=BS, shuffle=True):
        opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def all_arms(epoch):
    "One epoch of each of the lesson's main networks, one at a time; seconds per model come out as the total / len(MAIN_ARMS)."
    def run(x, y):
        for kw in MAIN_ARMS.values(): set_seed(0); epoch(mnist_mlp(**kw), x, y)
    return run

def our_epoch(model, x, y):
    fit(model, x, y, epochs=1, bs=BS, lr=LR, loss_fn=F.cross_entropy, progress=False)  # as the lesson's `_checkpointed`

def main(repeats:int, one_thread:bool=False):
    x, y = mnist_tensors(True)
    print(f"Lesson 4's main networks {list(MAIN_ARMS)}, batch {BS}, Adam {LR:g}; one epoch over 6 parts of 10,000 images")
    res = paired(list(zip(x.chunk(6), y.chunk(6))), {'seed-style': all_arms(seed_style_epoch), 'bn_course': all_arms(our_epoch)}, repeats, one_thread)
    for p in res['pairs']:
        for k in p: p[k] /= len(MAIN_ARMS)  # seconds per model
    print(f"speedup {report(res, 'seed-style', 'bn_course', unit='network'):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    p.add_argument('--one-thread', action='store_true', help="time at 1 thread only, not also at torch's default count")
    a = p.parse_args()
    main(a.repeats, a.one_thread)

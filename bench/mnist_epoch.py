"""One MNIST epoch of one model: the seed-style DataLoader loop against bn_course's in-memory loop.

Both train the original course's MLP (784-100-50-10, with and without BN) for one epoch,
Adam lr 1e-3, batch 64, on the same in-memory tensors (60,000 images, normalized 0.5/0.5).
- seed-style: DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True), default Adam.
- bn_course: `fit` (in-memory shuffled batches, `FastAdam`; validation on 2 images, so both sides time
  training only).
The original course fed the DataLoader from torchvision's dataset with a per-image transform, which
is slower still; the TensorDataset loop is the fairer, faster baseline.

How it is timed (`paired`, shared with bench/mnist_seeds.py): this machine is shared, and its speed
drifts by tens of percent within seconds, so the two sides alternate in short pieces. The training
images are cut into 6 parts of 10,000; on each part (and network) both sides run at torch's default
thread count, then both at 1 thread, seconds apart. A pair's ratio is seed-style seconds / bn_course
seconds at the same thread count. The last line is `speedup <ratio>x`, the median pair ratio at torch's
default thread count (the setting of the issue's own measurement), over `--repeats` passes (default 2).
The median at 1 thread, and seconds per epoch (sums over the parts, fastest pass), are printed above it.

    BN_COURSE_DATA=../shared/data python bench/mnist_epoch.py
"""
import argparse, statistics, time
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from bn_course.core import set_seed, set_threads
from bn_course.data import mnist_tensors
from bn_course.training import fit
from bn_course.lessons.mnist import mnist_net as mnist_mlp

def seed_style_epoch(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for xb, yb in DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True):
        opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def paired(x, y, sides:dict, repeats:int, parts:int=6) -> dict:
    "Time each side (name -> f(x, y)) on each part of (x, y), at the default thread count and at 1."
    counts, default = sorted({torch.get_num_threads(), 1}, reverse=True), torch.get_num_threads()
    pairs = []  # one dict per part and pass: (side, threads) -> seconds
    for _ in range(repeats):
        for xp, yp in zip(x.chunk(parts), y.chunk(parts)):
            pair = {}
            for threads in counts:
                set_threads(threads)
                for name, f in sides.items(): pair[name, threads] = timed(lambda: f(xp, yp))
            pairs.append(pair)
    set_threads(default)
    return dict(pairs=pairs, counts=counts, parts=parts)

def report(res:dict, base:str, ours:str) -> float:
    "Print seconds per epoch and the median pair ratio at each thread count; return the one at torch's default count."
    pairs, counts, parts = res['pairs'], res['counts'], res['parts']
    for name in (base, ours):
        per_pass = [[sum(p[name, c] for p in pairs[i:i + parts]) for i in range(0, len(pairs), parts)] for c in counts]
        print(f"{name}: " + ', '.join(f"{min(ts):.2f} s per model-epoch at {c} thread(s)" for c, ts in zip(counts, per_pass)))
    medians = {}
    for c in counts:
        ratios = [p[base, c] / p[ours, c] for p in pairs]
        medians[c] = statistics.median(ratios)
        print(f"{c} thread(s) each: pair ratios min {min(ratios):.2f}, median {medians[c]:.2f}, max {max(ratios):.2f} over {len(ratios)} pairs")
    return medians[counts[0]]

def both_nets(epoch):
    "One epoch of each network (without, then with BN), one at a time; seconds per model come out as the total / 2."
    def run(x, y):
        for norm in (None, 'batch'): set_seed(0); epoch(mnist_mlp(norm), x, y)
    return run

def our_epoch(model, x, y):
    fit(model, x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss_fn=F.cross_entropy, progress=False)

def main(repeats:int):
    x, y = mnist_tensors(True)
    res = paired(x, y, {'seed-style': both_nets(seed_style_epoch), 'bn_course': both_nets(our_epoch)}, repeats)
    for p in res['pairs']:
        for k in p: p[k] /= 2  # two networks per run: seconds per model
    print(f"speedup {report(res, 'seed-style', 'bn_course'):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=2)
    main(p.parse_args().repeats)

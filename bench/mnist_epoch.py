"""One MNIST epoch of one model: the seed-style DataLoader loop against bn_course's in-memory loop.

Both train the original course's MLP (784-100-50-10, with and without BN) for one epoch,
Adam lr 1e-3, batch 64, on the same in-memory tensors (60,000 images, normalized 0.5/0.5).
- seed-style: DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True), default Adam, at torch's
  default thread count and again at 1 thread.
- bn_course: `fit` (in-memory shuffled batches, fused Adam, validation skipped), 1 thread.
The original course fed the DataLoader from torchvision's dataset with a per-image transform, which
is slower still; the TensorDataset loop is the fairer, faster baseline.
The last line is `speedup <ratio>x`: seed-style (default threads) seconds / bn_course seconds, summed over both models.

    BN_COURSE_DATA=../shared/data python bench/mnist_epoch.py
"""
import time
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

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def main():
    x, y = mnist_tensors(True)
    default_threads = torch.get_num_threads()
    rows = []
    for norm in (None, 'batch'):
        torch.set_num_threads(default_threads)
        set_seed(0); t_seed = timed(lambda: seed_style_epoch(mnist_mlp(norm), x, y))
        set_threads(1)
        set_seed(0); t_seed1 = timed(lambda: seed_style_epoch(mnist_mlp(norm), x, y))
        set_seed(0); m = mnist_mlp(norm)
        t_ours = timed(lambda: fit(m, x, y, x[:2], y[:2], epochs=1, lr=1e-3, bs=64, loss_fn=F.cross_entropy, progress=False))
        rows.append((norm, t_seed, t_seed1, t_ours))
        print(f"{'with BN' if norm else 'without BN':10s}: seed-style {t_seed:.2f} s ({default_threads} threads), "
              f"{t_seed1:.2f} s (1 thread); bn_course {t_ours:.2f} s (1 thread): {t_seed / t_ours:.2f}x, {t_seed1 / t_ours:.2f}x at equal threads")
    torch.set_num_threads(default_threads)
    total = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    print(f"engine alone, at 1 thread each: {total[1] / total[2]:.2f}x")
    print(f"speedup {total[0] / total[2]:.2f}x")

if __name__ == '__main__': main()

"""MNIST, 2 networks x 3 seeds: the stacked engine against the seed-style loop, per model-epoch.

- seed-style: the original course's loop (DataLoader(TensorDataset), default Adam, batch 64), one
  model at a time, one epoch per network at torch's default thread count (its cost per model-epoch
  does not depend on the seed).
- stacked: bn_course's `fit_stacked`, the 3 seeds of each network as one stack sharing the data
  (each with its own data order), one epoch, 1 thread.
The last line is `speedup <ratio>x`, ratio = seed-style seconds per model-epoch / stacked seconds per model-epoch.

    BN_COURSE_DATA=../shared/data python bench/mnist_seeds.py
"""
import time
import torch
from bn_course.core import set_seed, set_threads
from bn_course.data import mnist_tensors
from bn_course.mnist import mnist_mlp
from bn_course.stacked import StackedSequential, fit_stacked
from mnist_epoch import seed_style_epoch  # the same seed-style loop as bench/mnist_epoch.py

def main(seeds=(0, 1, 2)):
    x, y = mnist_tensors(True); xv, yv = mnist_tensors(False)
    default_threads = torch.get_num_threads()
    t_seed = 0.
    for norm in (None, 'batch'):
        set_seed(0); m = mnist_mlp(norm)
        t = time.perf_counter(); seed_style_epoch(m, x, y); t_seed += time.perf_counter() - t
    threads = set_threads()
    t_stack, accs = 0., {}
    for norm in (None, 'batch'):
        models = []
        for s in seeds: set_seed(s); models.append(mnist_mlp(norm))
        gens = [torch.Generator().manual_seed(s) for s in seeds]
        t = time.perf_counter()
        best, hist = fit_stacked(StackedSequential(models), x, y, xv, yv, epochs=1, lr=1e-3, bs=64, loss='ce', patience=None, generators=gens, progress=False)
        t_stack += time.perf_counter() - t
        accs[norm] = [round(h.val_loss[-1], 4) for h in hist]
    torch.set_num_threads(default_threads)
    per_seed, per_stack = t_seed / 2, t_stack / (2 * len(seeds))
    print(f"seed-style: {per_seed:.2f} s per model-epoch ({default_threads} threads)")
    print(f"stacked   : {per_stack:.2f} s per model-epoch ({threads} thread; {t_stack:.1f} s for {2 * len(seeds)} models; test losses {accs})")
    print(f"speedup {per_seed / per_stack:.2f}x")

if __name__ == '__main__': main()

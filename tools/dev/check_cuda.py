"""The CUDA paths, checked on a machine with a GPU (CI and the course's CPU tests never need one).

- `get_device('cuda')` gives CUDA (the course's default is the CPU, see nbs/00_core.ipynb);
  `FastAdam` on CUDA equals PyTorch's fused Adam bit for bit;
- `fit` and `fit_stacked` (a mixed stack with and without BN) train on CUDA tensors, and
  agree with the same training on the CPU up to the rounding that Adam amplifies;
- Lesson 4's seed comparison (`bn_course.experiments.compare_seeds`) runs on CUDA tensors, both engines,
  and BN wins as on the CPU.
Timings are printed for information; they are not asserted.

    BN_COURSE_DATA=/path/to/data python tools/dev/check_cuda.py

Last run: 2026-11-26 on one NVIDIA H200 with torch 2.11.0+cu130, all checks passed (before the library was
reorganized into models/experiments/lessons; not rerun since: no GPU was lent to that session). The BN math
and the training engine no longer import ipywidgets or matplotlib, so no stand-in module is needed.
"""
import time, sys
import torch
import torch.nn.functional as F
from torch import nn
from functools import partial
from bn_course.core import get_device, set_seed
from bn_course.data import mnist_tensors
from bn_course.models import mlp
from bn_course.training import FastAdam, adam, fit
from bn_course.stacked import StackedSequential, fit_stacked
from bn_course.experiments import compare_seeds

mnist_mlp = lambda norm=None: mlp([784, 100, 50, 10], norm)  # Lesson 4's network

def check(name, ok, detail=''):
    print(f"{'ok  ' if ok else 'FAIL'} {name} {detail}", flush=True)
    if not ok: check.failed = True
check.failed = False

def main():
    if not torch.cuda.is_available(): sys.exit("no CUDA device here: run this on a machine with a GPU")
    dev = get_device('cuda')
    check("get_device('cuda') gives CUDA", dev.type == 'cuda', str(dev))
    print(torch.__version__, torch.cuda.get_device_name(0))
    # FastAdam against torch's fused Adam, on CUDA
    runs = []
    for make in (lambda p: torch.optim.Adam(p, lr=0.01, fused=True), lambda p: FastAdam(p, lr=0.01)):
        torch.manual_seed(0); m = nn.Sequential(nn.Linear(5, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1)).to(dev)
        opt, xs = make(m.parameters()), torch.randn(30, 16, 5, device=dev)
        for xb in xs: opt.zero_grad(); m(xb).square().mean().backward(); opt.step()
        runs.append(m)
    check('FastAdam == fused Adam on CUDA', all(torch.equal(p, q) for p, q in zip(runs[0].parameters(), runs[1].parameters())))
    check('adam() gives FastAdam on CUDA', type(adam(runs[0].parameters())) is FastAdam)
    x, y = mnist_tensors(True, device='cpu'); xv, yv = mnist_tensors(False, device='cpu')
    x, y, xv, yv = x[:10000], y[:10000], xv[:2000], yv[:2000]
    # fit: CPU and CUDA
    losses = []
    for d in ('cpu', dev):
        set_seed(0); m = mnist_mlp('batch').to(d)
        t = time.perf_counter()
        h = fit(m, x.to(d), y.to(d), xv.to(d), yv.to(d), epochs=2, lr=1e-3, bs=64, loss_fn=F.cross_entropy, progress=False)
        losses.append(h.train_loss); print(f"fit on {d}: {time.perf_counter() - t:.2f} s, train loss {h.train_loss}")
    a, b = losses
    check('fit: CUDA matches CPU (first epoch)', abs(a[0] - b[0]) / a[0] < 1e-2, f"{a[0]:.5f} vs {b[0]:.5f}")
    # fit_stacked, a mixed stack, CPU and CUDA
    res = []
    for d in ('cpu', dev):
        models = []
        for norm in (None, 'batch'):
            for s in range(3): set_seed(s); models.append(mnist_mlp(norm))
        gens = [torch.Generator().manual_seed(s) for s in range(6)]
        t = time.perf_counter()
        best, hist = fit_stacked(StackedSequential(models).to(d), x.to(d), y.to(d), xv.to(d), yv.to(d), epochs=2, lr=1e-3, bs=64,
                                 loss='ce', patience=None, generators=gens, progress=False)
        res.append([h.train_loss[0] for h in hist]); print(f"fit_stacked on {d}: {time.perf_counter() - t:.2f} s, first-epoch losses {res[-1]}")
        check(f'fit_stacked on {d}: weights stay on {d}', best[0].weight.device.type == torch.device(d).type)
    a, b = res
    check('fit_stacked: CUDA matches CPU (first epoch)', max(abs(p - q) / p for p, q in zip(a, b)) < 1e-2)
    # early stopping path (select_models, best weights) on CUDA
    models = [mnist_mlp('batch') for _ in range(3)]
    best, hist = fit_stacked(StackedSequential(models).to(dev), x[:2000].to(dev), y[:2000].to(dev), xv.to(dev), yv.to(dev),
                             epochs=30, lr=1e-2, bs=64, loss='ce', patience=2, progress=False)
    check('fit_stacked early stopping on CUDA', all(h.stopped_early for h in hist), str([h.epochs for h in hist]))
    # Lesson 4 on CUDA tensors, both engines
    arms = {'without BN': partial(mnist_mlp, None), 'with BN': partial(mnist_mlp, 'batch')}
    for engine in ('stacked', 'loop'):
        t = time.perf_counter()
        runs = compare_seeds(arms, (0, 1, 2), x.to(dev), y.to(dev), xv.to(dev), yv.to(dev), epochs=2, bs=64, lr=1e-3, engine=engine)
        m = runs.groupby('arm')[['test_acc']].agg(['mean', 'std'])
        train = runs.set_index(['arm', 'seed']).train_loss.map(lambda c: c[-1]).groupby('arm').mean()
        print(f"compare_seeds ({engine}) on {dev}: {time.perf_counter() - t:.2f} s"); print(m.round(4).to_string())
        check(f'compare_seeds ({engine}) on CUDA: BN ahead in training loss, both far above chance',
              train['with BN'] < train['without BN'] and (m[('test_acc', 'mean')] > 0.85).all())
    print('CUDA CHECK', 'FAILED' if check.failed else 'PASSED')
    sys.exit(1 if check.failed else 0)

if __name__ == '__main__': main()

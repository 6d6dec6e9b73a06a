"""What recording activation statistics costs during training.

Trains the Figure 1 network (784-100-100-100-10, sigmoid, BN, SGD, batch 60) on MNIST for the
same steps three ways, interleaved to share the machine's noise: no hooks; `ActivationStats` on
the three sigmoid layers at every step; and at every 10th step. Prints the time per step of each.
The last line is `overhead <ratio>x`: time with recording every 10th step / time without hooks.

    BN_COURSE_DATA=../shared/data python -m bench.activation_stats
"""
import contextlib, time
from bn_course.core import set_seed, set_threads
from bn_course.data import mnist_tensors
from bn_course.diagnostics import ActivationStats
import torch, torch.nn.functional as F
from bn_course.training import fit
from bn_course.lessons.covariate_shift import figure1_net, sigmoids, LR, BS

def run(x, y, steps, every):
    set_seed(0); model = figure1_net('with BN')
    stats = ActivationStats(sigmoids(model), every=every, train_only=True) if every else contextlib.nullcontext()
    t = time.perf_counter()
    with stats: fit(model, x, y, epochs=steps, bs=BS, loss_fn=F.cross_entropy, opt=torch.optim.SGD(model.parameters(), lr=LR),
                    progress=False, generator=torch.Generator().manual_seed(0), max_steps=steps)
    return time.perf_counter() - t

def main(steps=1000, reps=3):
    set_threads()
    x, y = mnist_tensors(True)
    times = {None: [], 1: [], 10: []}
    for _ in range(reps):
        for every in times: times[every].append(run(x, y, steps, every))
    best = {k: min(v) for k, v in times.items()}
    for k, label in ((None, 'no hooks'), (1, 'every step'), (10, 'every 10th step')):
        print(f"{label:16s}: {1e6 * best[k] / steps:7.0f} µs per step ({best[k] / best[None]:.2f}x)")
    print(f"overhead {best[10] / best[None]:.2f}x")

if __name__ == '__main__': main()

"""What folding an eval-mode BatchNorm into the Linear before it saves at inference.

Times Linear -> BatchNorm1d -> ReLU (eval mode) against the folded Linear -> ReLU, for a few
layer widths and batch sizes, interleaving the two so that machine noise hits both alike.
The outputs are checked to agree first. The last line is `speedup <ratio>x`: the median ratio.

    python -m bench.bn_fold
"""
import statistics, timeit
import torch
from torch import nn
from bn_course.core import set_seed, set_threads
from bn_course.batchnorm import fold_bn

def case(width:int, batch:int):
    set_seed(0)
    lin, bn = nn.Linear(width, width), nn.BatchNorm1d(width)
    with torch.no_grad(): bn.running_mean.normal_(); bn.running_var.uniform_(0.5, 2); bn.weight.normal_(); bn.bias.normal_()
    net = nn.Sequential(lin, bn, nn.ReLU()).eval()
    folded = nn.Sequential(fold_bn(lin, bn), nn.ReLU()).eval()
    x = torch.randn(batch, width)
    with torch.no_grad():
        assert torch.allclose(net(x), folded(x), atol=1e-5)
        a, b = [], []
        for _ in range(7):
            a.append(min(timeit.repeat(lambda: net(x), number=200, repeat=3)) / 200)
            b.append(min(timeit.repeat(lambda: folded(x), number=200, repeat=3)) / 200)
    return min(a), min(b)

def main():
    threads = set_threads()
    ratios = []
    print(f"{'width':>6} {'batch':>6} {'Linear+BN µs':>13} {'folded µs':>10} {'ratio':>6}   ({threads} thread)")
    for width in (20, 100, 512):
        for batch in (1, 64, 1024):
            t_bn, t_fold = case(width, batch)
            ratios.append(t_bn / t_fold)
            print(f"{width:6d} {batch:6d} {1e6 * t_bn:13.1f} {1e6 * t_fold:10.1f} {t_bn / t_fold:6.2f}")
    print(f"speedup {statistics.median(ratios):.2f}x")

if __name__ == '__main__': main()

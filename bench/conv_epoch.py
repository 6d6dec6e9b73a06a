"""One MNIST epoch of Lesson 5's CNN: the seed-style DataLoader loop against the lesson's in-memory loop; and folded inference.

The workload is read from the lesson (bn_course.lessons.conv): its 'BN' arm, `cnn(norm='batch')`, Adam at the lesson's
`_LR`, batch `_BS`, on the lesson's full-size training images (`SIZES['full'].train_images`, the first 12,800), from
seed 0. The networks: two Conv 3×3 → BN → ReLU → max-pool blocks of 8 and 16 channels, then a Linear head.
- The lesson builds each block as Conv → BN → MaxPool → ReLU: max-pooling and ReLU commute (exactly, gradients
  included), so that is the same function with ReLU on a quarter of the values.
- The original course orders it Conv → BN → ReLU → MaxPool: `_original_order` puts the lesson's layers back in that
  order (same initial weights). At start the bench checks that both orders give equal outputs on a batch.
Sides:
- seed-style: the original course's network and loop, unchanged: DataLoader(TensorDataset(x, y), batch_size=_BS,
  shuffle=True), default torch.optim.Adam, NCHW.
- in-memory: the same original-order network, NCHW, trained by the lesson's loop without its layout change and hook:
  `fit` (shuffled index_select batches, FastAdam). Its ratio is what the loop alone gains.
- lesson: the lesson's own `_train_cnn(..., norm='batch')`, as `conv_study` calls it: the lesson's network (pool
  before ReLU), `fit` on channels_last images and network, with its per-step hook (the loss and the largest conv
  gradients recorded each step); scored on 2 images.
Timing: `paired` and `report`, shared with bench/mnist_epoch.py: the images are cut into 6 parts; on each part
every side runs at torch's default thread count, then at 1 thread, seconds apart, and a pair's ratio is
seed-style seconds / other side's seconds at the same thread count. The last line, `speedup <ratio>x`, is the
median pair ratio of the lesson's loop with both sides at 1 thread (bench/_paired.py's headline).
Inference: eval-mode forward passes over 2,000 test images (channels_last) of the lesson's network, Conv → BN
(random running estimates, γ and β) against `fold_cnn`'s folded network, interleaved, fastest of 15 rounds each,
at the default thread count; the outputs are checked to agree first.
On a busy shared machine, run it at one thread (OMP_NUM_THREADS=1) and with fewer images (--images 6400):
two-thread timings there measure the contention more than the loops.

Expected duration on a quiet 2-core machine: about 1 minute (half that with --one-thread).

    BN_COURSE_DATA=../shared/data python -m bench.conv_epoch
"""
import argparse
from bench._paired import paired, report  # the timing shared by the benches
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from bn_course.core import set_seed
from bn_course.data import mnist_tensors
from bn_course.training import fit
from bn_course.lessons.conv import cnn, fold_cnn, time_inference, SIZES, _train_cnn, _original_order, _LR, _BS

def original_network():
    "The lesson's 'BN' network at seed 0, its layers in the original course's order (Conv → BN → ReLU → MaxPool)."
    set_seed(0); return _original_order(cnn(norm='batch'))

def same_function(x):
    "Check once that the original order and the lesson's compute the same outputs (training mode, from seed 0)."
    set_seed(0); lesson = cnn(norm='batch')
    with torch.no_grad(): assert torch.equal(original_network()(x), lesson(x)), "the two orders differ"

def seed_style_epoch(x, y):
    "The original course's loop on the original course's network."
    model = original_network()
    opt = torch.optim.Adam(model.parameters(), lr=_LR)
    model.train()
    for xb, yb in DataLoader(TensorDataset(x, y), batch_size=_BS, shuffle=True):
        opt.zero_grad(); F.cross_entropy(model(xb), yb).backward(); opt.step()

def in_memory_epoch(x, y):
    "`fit` for one epoch on the original-order network, NCHW, without the lesson's hook: the loop alone."
    model = original_network()
    fit(model, x, y, epochs=1, lr=_LR, bs=_BS, loss_fn=F.cross_entropy, progress=False)

def lesson_epoch(x, y):
    "The lesson's own loop for its 'BN' arm, one epoch, from seed 0 (scored on 2 images)."
    _train_cnn(x, y, x[:2], y[:2], seed=0, epochs=1, norm='batch')

def inference(x):
    "Fastest eval-mode pass of Conv → BN and of the folded network; returns (unfolded s, folded s)."
    set_seed(0); net = cnn(norm='batch').to(memory_format=torch.channels_last)  # as the lesson's trained networks
    with torch.no_grad():
        for m in net:
            if isinstance(m, torch.nn.BatchNorm2d): m.running_mean.normal_(); m.running_var.uniform_(0.5, 2); m.weight.normal_(); m.bias.normal_()
    net.eval(); folded = fold_cnn(net)
    x = x.contiguous(memory_format=torch.channels_last)
    with torch.no_grad(): assert torch.allclose(net(x), folded(x), atol=1e-4)
    t = time_inference({'bn': net, 'folded': folded}, x, tries=15)
    return t['bn'].min(), t['folded'].min()

def main(images:int, repeats:int, one_thread:bool=False):
    x, y = mnist_tensors(True)
    x, y = x[:images].view(-1, 1, 28, 28), y[:images]
    same_function(x[:_BS])
    print(f"Lesson 5's 'BN' network (seed-style side in the original layer order, same outputs), Adam {_LR:g}, batch {_BS}, one epoch over {images:,} images in 6 parts")
    t_bn, t_fold = inference(mnist_tensors(False)[0][:2000].view(-1, 1, 28, 28))
    print(f"inference over 2,000 images at {torch.get_num_threads()} thread(s): Conv → BN {1e3 * t_bn:.1f} ms, folded {1e3 * t_fold:.1f} ms, "
          f"folding speedup {t_bn / t_fold:.2f}x")
    res = paired(list(zip(x.chunk(6), y.chunk(6))), {'seed-style': seed_style_epoch, 'in-memory': in_memory_epoch, 'lesson': lesson_epoch}, repeats, one_thread)
    print("-- the in-memory loop alone (the original order, NCHW, on both sides):")
    report(res, 'seed-style', 'in-memory')
    print("-- the lesson's loop (in-memory, channels_last, pool before ReLU):")
    print(f"speedup {report(res, 'seed-style', 'lesson'):.2f}x")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--images', type=int, default=SIZES['full'].train_images,
                   help=f"training images per epoch (default {SIZES['full'].train_images:,}, the lesson's full size)")
    p.add_argument('--repeats', type=int, default=2, help="passes over the parts (default 2)")
    p.add_argument('--one-thread', action='store_true', help="time at 1 thread only, not also at torch's default count")
    a = p.parse_args()
    main(a.images, a.repeats, a.one_thread)

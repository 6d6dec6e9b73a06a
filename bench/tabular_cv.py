"""Seed-style 5-fold CV against bn_course's engine, on the same data and folds, in one run.

Both train the original course's BN network (Linear-BN-ReLU x2, Linear) on the raw tabular
features, Adam lr 0.01, batch 32, patience 10, up to 500 epochs, torch.manual_seed(42) before
the folds of KFold(5, shuffle=True, random_state=42).
- seed-style: DataLoader(TensorDataset), default Adam, deepcopy early stopping, torch's default threads.
- bn_course:  in-memory batches, fused Adam, in-place early stopping, 1 thread (`set_threads()`).
The seed-style loop also runs at 1 thread, to show what the engine alone gains.
The two runs stop after different numbers of epochs (rounding differences grow chaotically under
Adam; see nbs/03_training.ipynb), so the ratio compares seconds per epoch. The last line is
`speedup <ratio>x`, ratio = seed-style seconds per epoch / bn_course seconds per epoch; the ratio of
total wall times is printed above it.

    BN_COURSE_DATA=../shared/data python -m bench.tabular_cv
"""
import time
import pandas as pd
import torch
from bn_course.core import set_seed, set_threads
from bn_course.data import load_simple_dataset, encode_tabular
from bench._reference import reference_fit
from bn_course.training import EarlyStopping, evaluate, fit, kfold
from bn_course.lessons.tabular import tabular_net as net  # the course's BN network

def seed_style_cv(x, y):
    set_seed(42)
    rows = []
    for t, v in kfold(len(x)):
        model = net()
        losses = reference_fit(model, x[t], y[t], x[v], y[v])
        rows.append(dict(rmse=evaluate(model, x[v], y[v]) ** 0.5, epochs=len(losses)))
    return pd.DataFrame(rows)

def engine_cv(x, y):
    "The same protocol on bn_course's engine: `fit` with in-place early stopping (patience 10), every fold scored."
    set_seed(42)
    rows = []
    for t, v in kfold(len(x)):
        model = net()
        h = fit(model, x[t], y[t], x[v], y[v], early_stopping=EarlyStopping(10), progress=False)
        rows.append(dict(rmse=evaluate(model, x[v], y[v]) ** 0.5, epochs=h.epochs))
    return pd.DataFrame(rows)

def main():
    data = encode_tabular(load_simple_dataset())
    default_threads = torch.get_num_threads()
    t0 = time.perf_counter(); seed = seed_style_cv(data.x, data.y); t_seed = time.perf_counter() - t0
    threads = set_threads()
    t0 = time.perf_counter(); seed1 = seed_style_cv(data.x, data.y); t_seed1 = time.perf_counter() - t0
    t0 = time.perf_counter(); ours = engine_cv(data.x, data.y); t_ours = time.perf_counter() - t0
    torch.set_num_threads(default_threads)
    table = pd.concat({'seed-style': seed, 'bn_course': ours}, axis=1)
    table.index = range(1, len(table) + 1); table.index.name = 'fold'
    print(table.round(3).to_string())
    for name, df, secs, th in (('seed-style', seed, t_seed, default_threads), ('bn_course', ours, t_ours, threads)):
        steps = df.epochs.sum() * 50
        print(f"{name:10s}: RMSE {df.rmse.mean():.3f} ± {df.rmse.std():.3f}, {df.epochs.sum()} epochs, "
              f"{secs:.2f} s ({1e6 * secs / steps:.0f} µs per step), {th} thread(s)")
    per_epoch = (t_seed / seed.epochs.sum()) / (t_ours / ours.epochs.sum())
    print(f"seed-style at {threads} thread(s): {t_seed1:.2f} s, {1e6 * t_seed1 / (seed1.epochs.sum() * 50):.0f} µs per step: "
          f"the engine alone is {(t_seed1 / seed1.epochs.sum()) / (t_ours / ours.epochs.sum()):.2f}x faster per epoch")
    print(f"total wall time, seed-style / bn_course: {t_seed / t_ours:.2f}x")
    print(f"speedup {per_epoch:.2f}x")

if __name__ == '__main__': main()

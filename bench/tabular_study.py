"""The tabular study (4 setups x 5 folds x 3 seeds = 60 trainings) on the stacked engine,
against the seed-style loop, in one run.

- seed-style: the original course's loop (DataLoader, default Adam, deepcopy early stopping,
  torch's default threads), one model at a time. It runs one seed of the study (4 setups x 5 folds
  = 20 trainings): its cost per model does not depend on how many seeds there are.
- stacked: bn_course's `tabular_study`, all 60 trainings as one stack (networks with
  and without BN together), per-model early stopping, 1 thread.
Same protocol for both: Adam lr 0.01, batch 32, patience 10, up to 500 epochs, KFold(5, shuffle, 42).
The last line is `speedup <ratio>x`, ratio = seed-style seconds per trained model / stacked seconds per trained model.

    BN_COURSE_DATA=../shared/data python bench/tabular_study.py
"""
import time
import pandas as pd
import torch
from bn_course.core import set_seed, set_threads
from bn_course.data import load_simple_dataset, encode_tabular
from bn_course.training import reference_fit, evaluate, kfold, zscore
from bn_course.lessons.tabular import SETUPS, tabular_net as tabular_mlp, tabular_study, summarize_study

def seed_style_study(data, seed=0):
    rows = []
    for name, s in SETUPS.items():
        set_seed(seed)
        for fold, (t, v) in enumerate(kfold(len(data.x)), start=1):
            xt, xv = zscore(data.x[t], data.x[v]) if s['scale_inputs'] else (data.x[t], data.x[v])
            model = tabular_mlp(data.x.shape[1], s['bn'])
            losses = reference_fit(model, xt, data.y[t], xv, data.y[v])
            rows.append(dict(setup=name, seed=seed, fold=fold, rmse=evaluate(model, xv, data.y[v]) ** 0.5, epochs=len(losses)))
    return pd.DataFrame(rows)

def main():
    data = encode_tabular(load_simple_dataset())
    default_threads = torch.get_num_threads()
    t0 = time.perf_counter(); seed = seed_style_study(data); t_seed = time.perf_counter() - t0
    threads = set_threads()
    t0 = time.perf_counter(); ours = tabular_study(data, seeds=(0, 1, 2), progress=False); t_ours = time.perf_counter() - t0
    torch.set_num_threads(default_threads)
    print('seed-style loop, 1 seed:'); print(summarize_study(seed).to_string())
    print('\nstacked engine, 3 seeds:'); print(summarize_study(ours).to_string())
    per_seed, per_ours = t_seed / len(seed), t_ours / len(ours)
    print(f"\nseed-style: {len(seed)} trainings in {t_seed:.1f} s ({per_seed:.2f} s per model, {default_threads} thread(s))")
    print(f"stacked   : {len(ours)} trainings in {t_ours:.1f} s ({per_ours:.3f} s per model, {threads} thread(s))")
    print(f"the whole 60-training study took {t_ours / (t_seed / 4):.2f}x the seed-style time for one 5-fold run")
    print(f"speedup {per_seed / per_ours:.1f}x")

if __name__ == '__main__': main()

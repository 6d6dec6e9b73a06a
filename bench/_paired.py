"""Paired timing, shared by the benchmarks: two approaches run side by side, in short alternating pieces.

The machine the course is developed on is shared, and its speed drifts by tens of percent within
seconds. So a benchmark cuts its work into pieces, and on each piece runs both sides seconds apart,
first both at 1 thread (the course's default, see nbs/00_core.ipynb), then both at torch's default
thread count. A pair's ratio is (baseline seconds) / (our seconds) on the same piece at the same
thread count. The headline is the median pair ratio at 1 thread; the median at torch's default
thread count is printed beside it.

On a loaded machine, torch's default thread count measures the contention more than the code; the benches
take `--one-thread` to time at 1 thread only (the headline is unchanged, the run takes half as long).

The benches are a package; run each from the repository's root as a module:
    python -m bench.mnist_epoch
"""
import statistics, time
import torch

def timed(f) -> float:
    "Seconds `f()` takes."
    t = time.perf_counter(); f(); return time.perf_counter() - t

def paired(pieces:list, sides:dict, repeats:int=1, one_thread:bool=False) -> dict:
    "Time each side (name -> f(*piece)) on each piece, at 1 thread and (unless `one_thread`) at torch's default count; one dict per piece and pass."
    default = torch.get_num_threads()
    counts = [1] if one_thread else sorted({1, default})
    pairs = []  # (side, threads) -> seconds, one dict per piece and pass
    for _ in range(repeats):
        for piece in pieces:
            pair = {}
            for threads in counts:
                torch.set_num_threads(threads)
                for name, f in sides.items(): pair[name, threads] = timed(lambda: f(*piece))
            pairs.append(pair)
    torch.set_num_threads(default)
    return dict(pairs=pairs, counts=counts, pieces=len(pieces))

def report(res:dict, base:str, ours:str,
           unit:str|None=None, # the caller has turned each pair's seconds into seconds per `unit` (e.g. 'network')
          ) -> float:
    "Print seconds per pass (or per `unit`) and the pair ratios at each thread count; return the median at 1 thread (the headline)."
    pairs, counts, n = res['pairs'], res['counts'], res['pieces']
    for name in (base, ours):
        if unit:  # a sum over pieces of per-unit seconds is no pass's time: print the median piece
            print(f"{name}: " + ', '.join(f"{statistics.median(p[name, c] for p in pairs):.3f} s per {unit} at {c} thread(s)"
                                         for c in counts) + " (median over pieces)")
            continue
        per_pass = {c: [sum(p[name, c] for p in pairs[i:i + n]) for i in range(0, len(pairs), n)] for c in counts}
        print(f"{name}: " + ', '.join(f"{min(ts):.2f} s per pass at {c} thread(s)" for c, ts in per_pass.items()))
    medians = {}
    for c in counts:
        ratios = [p[base, c] / p[ours, c] for p in pairs]
        medians[c] = statistics.median(ratios)
        print(f"both sides at {c} thread(s): pair ratios min {min(ratios):.2f}, median {medians[c]:.2f}, max {max(ratios):.2f} over {len(ratios)} pairs")
    return medians[1]

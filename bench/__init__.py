"The benchmarks: each module times two approaches side by side and prints their ratio; run one as `python -m bench.<name>`."

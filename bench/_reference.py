"""The seed-style baseline: the original course's training loop, kept here as the benches' yardstick.

`reference_fit` trains the way the original course does (a `DataLoader` over a `TensorDataset`, PyTorch's
default Adam, a `deepcopy` of the weights at every improvement of the validation loss). The benches time
`bn_course.training.fit` against it, and nbs/03_training.ipynb checks that `fit` with the default Adam
computes the same weights and losses bit for bit. It is not part of the course's library.
"""
import copy
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

__all__ = ['reference_fit']

def reference_fit(model:nn.Module, # the network to train, in place
                  x_train, y_train, x_valid, y_valid, # training and validation tensors
                  epochs:int=500, # most epochs to run
                  lr:float=0.01, # Adam's learning rate
                  bs:int=32, # batch size
                  patience:int=10, # epochs without improvement before stopping
                 ) -> list:
    "The original course's loop: `DataLoader`, default Adam, `deepcopy` early stopping. Returns validation losses."
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=bs, shuffle=True)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    best, best_state, wait, losses = None, None, 0, []
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad(); F.mse_loss(model(xb), yb).backward(); opt.step()
        model.eval()
        with torch.no_grad(): losses.append(F.mse_loss(model(x_valid), y_valid).item())
        if best is None or best - losses[-1] > 0: best, best_state, wait = losses[-1], copy.deepcopy(model.state_dict()), 0
        else:
            wait += 1
            if wait >= patience: model.load_state_dict(best_state); break
    return losses

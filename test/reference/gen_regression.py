"""pytorch/examples regression/main.py (polynomial fit), literal, seeded with torch.manual_seed(0).

Writes test/reference/regression.json: W_target, b_target, the first batch's make_features, the
number of batches, the learned parameters and the three printed lines (test/tutorials/regression.test.ts).
"""
from itertools import count

import torch
import torch.nn.functional as F

from _tutorial_common import write_json

torch.manual_seed(0)

POLY_DEGREE = 4
W_target = torch.randn(POLY_DEGREE, 1) * 5
b_target = torch.randn(1) * 5


def make_features(x):
    """Builds features i.e. a matrix with columns [x, x^2, x^3, x^4]."""
    x = x.unsqueeze(1)
    return torch.cat([x ** i for i in range(1, POLY_DEGREE+1)], 1)


def f(x):
    """Approximated function."""
    return x.mm(W_target) + b_target.item()


def poly_desc(W, b):
    """Creates a string description of a polynomial."""
    result = 'y = '
    for i, w in enumerate(W):
        result += '{:+.2f} x^{} '.format(w, i + 1)
    result += '{:+.2f}'.format(b[0])
    return result


def get_batch(batch_size=32):
    """Builds a batch i.e. (x, f(x)) pair."""
    random = torch.randn(batch_size)
    x = make_features(random)
    y = f(x)
    return x, y


out = {"W_target": W_target.view(-1).tolist(), "b_target": b_target.tolist()}
features = make_features(torch.tensor([0.5, -2.0, 3.0]))
out["features"] = features.tolist()
out["poly_desc_features"] = poly_desc(features[1], torch.tensor([-1.0]))

# Define model
fc = torch.nn.Linear(W_target.size(0), 1)
out["fc_init"] = fc.weight.view(-1).tolist() + fc.bias.tolist()

losses = []
for batch_idx in count(1):
    # Get data
    batch_x, batch_y = get_batch()

    # Reset gradients
    fc.zero_grad()

    # Forward pass
    output = F.smooth_l1_loss(fc(batch_x), batch_y)
    loss = output.item()
    if batch_idx <= 5:
        losses.append(loss)
    if batch_idx == 300:
        out["params_300"] = fc.weight.view(-1).tolist() + fc.bias.tolist()

    # Backward pass
    output.backward()

    # Apply gradients
    for param in fc.parameters():
        param.data.add_(-0.1 * param.grad)

    # Stop criterion
    if loss < 1e-3:
        break

printed = []
printed.append('Loss: {:.6f} after {} batches'.format(loss, batch_idx))
printed.append('==> Learned function:\t' + poly_desc(fc.weight.view(-1), fc.bias))
printed.append('==> Actual function:\t' + poly_desc(W_target.view(-1), b_target))
print("\n".join(printed))
out.update(first_losses=losses, batches=batch_idx, loss=loss, printed=printed,
           learned=fc.weight.view(-1).tolist() + fc.bias.tolist())
write_json(out, "regression.json")

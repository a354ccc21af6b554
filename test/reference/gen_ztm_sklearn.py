"""Fixture for test/tutorials/ztm_sklearn_notebook.test.ts: the scikit-learn cells of Daniel Bourke's
"Zero to Mastery: Learn PyTorch for Deep Learning" notebook 02 (neural network classification,
mrdbourke/pytorch-deep-learning, 02_pytorch_classification.ipynb) with scikit-learn itself: the circles
from make_circles(1000, noise=0.03, random_state=42) split by train_test_split(test_size=0.2,
random_state=42) and the four blobs from make_blobs(1000, centers=4, cluster_std=1.5, random_state=42),
each fed to the course's models and training loops. Each entry is one cell: the course's Python and the
port's dialect; the Python cells run in order in one scope (PyTorch 1.13, scikit-learn 1.2.1) and record
what they print. Run with Debian's /usr/bin/python3 from test/reference: writes ztm_sklearn.json.
"""
import contextlib
import io
import json
import warnings

import sklearn
import torch
from torch import nn

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert torch.__version__.startswith("1.13"), torch.__version__
warnings.simplefilter("ignore")

CELLS = [
    # 1. Make classification data and get it ready
    ("""from sklearn.datasets import make_circles

# Make 1000 samples
n_samples = 1000

# Create circles
X, y = make_circles(n_samples,
                    noise=0.03, # a little bit of noise to the dots
                    random_state=42) # keep random state so we get the same values""",
     """const n_samples = 1000;
let [X, y] = sklearn.datasets.make_circles(n_samples, {noise: 0.03, random_state: 42});"""),
    ("""print(f"First 5 X features:\\n{X[:5]}")
print(f"\\nFirst 5 y labels:\\n{y[:5]}")""",
     """print(`First 5 X features:\\n${X[":5"]}`);
print(`\\nFirst 5 y labels:\\n${y[":5"]}`);"""),
    ("""print(X.shape, y.shape)""",
     """print(X.shape, y.shape);"""),
    ("""# View the first example of features and labels
X_sample = X[0]
y_sample = y[0]
print(f"Values for one sample of X: {X_sample} and the same for y: {y_sample}")
print(f"Shapes for one sample of X: {X_sample.shape} and the same for y: {y_sample.shape}")""",
     """const X_sample = X[0];
const y_sample = y[0];
print(`Values for one sample of X: ${X_sample} and the same for y: ${y_sample}`);
print(`Shapes for one sample of X: ${X_sample.shape} and the same for y: ${np.array(y_sample).shape}`);"""),
    ("""# Turn data into tensors
X = torch.from_numpy(X).type(torch.float)
y = torch.from_numpy(y).type(torch.float)

# View the first five samples
print(X[:5], y[:5])""",
     """const Xt = torch.from_numpy(X).type(torch.float);
const yt = torch.from_numpy(y).type(torch.float);
print(Xt[":5"], yt[":5"]);"""),
    ("""# Split data into train and test sets
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X,
                                                    y,
                                                    test_size=0.2, # 20% test, 80% train
                                                    random_state=42) # make the random split reproducible

print(len(X_train), len(X_test), len(y_train), len(y_test))
print(X_train[:3], y_test[:10])""",
     """const [X_train, X_test, y_train, y_test] = sklearn.model_selection.train_test_split(Xt, yt, {test_size: 0.2, random_state: 42});
print(len(X_train), len(X_test), len(y_train), len(y_test));
print(X_train[":3"], y_test[":10"]);"""),
    # 2. Building a model
    ("""device = "cpu"
class CircleModelV2(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer_1 = nn.Linear(in_features=2, out_features=10)
        self.layer_2 = nn.Linear(in_features=10, out_features=10)
        self.layer_3 = nn.Linear(in_features=10, out_features=1)
        self.relu = nn.ReLU() # <- add in ReLU activation function

    def forward(self, x):
      # Intersperse the ReLU activation function between layers
       return self.layer_3(self.relu(self.layer_2(self.relu(self.layer_1(x)))))

torch.manual_seed(42)
model_3 = CircleModelV2().to(device)
print(model_3)""",
     """const device = "cpu";
class CircleModelV2 extends nn.Module {
  layer_1 = new nn.Linear({in_features: 2, out_features: 10});
  layer_2 = new nn.Linear({in_features: 10, out_features: 10});
  layer_3 = new nn.Linear({in_features: 10, out_features: 1});
  relu = new nn.ReLU();
  forward(x: torch.Tensor) {
    return this.layer_3(this.relu(this.layer_2(this.relu(this.layer_1(x)))));
  }
}
torch.manual_seed(42);
const model_3 = new CircleModelV2().to(device);
print(model_3);"""),
    ("""# Setup loss and optimizer
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model_3.parameters(), lr=0.1)

# Calculate accuracy (a classification metric)
def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item() # torch.eq() calculates where two tensors are equal
    acc = (correct / len(y_pred)) * 100
    return acc""",
     """const loss_fn = new nn.BCEWithLogitsLoss();
const optimizer = new torch.optim.SGD(model_3.parameters(), {lr: 0.1});
function accuracy_fn(y_true: torch.Tensor, y_pred: torch.Tensor) {
  const correct = torch.eq(y_true, y_pred).sum().item();
  return (correct / len(y_pred)) * 100;
}"""),
    # 3. Train the model (100 epochs here, 1000 in the course)
    ("""torch.manual_seed(42)
epochs = 100

for epoch in range(epochs):
    # 1. Forward pass
    y_logits = model_3(X_train).squeeze()
    y_pred = torch.round(torch.sigmoid(y_logits)) # logits -> prediction probabilities -> prediction labels

    # 2. Calculate loss and accuracy
    loss = loss_fn(y_logits, y_train) # BCEWithLogitsLoss calculates loss using logits
    acc = accuracy_fn(y_true=y_train,
                      y_pred=y_pred)

    # 3. Optimizer zero grad
    optimizer.zero_grad()

    # 4. Loss backward
    loss.backward()

    # 5. Optimizer step
    optimizer.step()

    ### Testing
    model_3.eval()
    with torch.inference_mode():
      # 1. Forward pass
      test_logits = model_3(X_test).squeeze()
      test_pred = torch.round(torch.sigmoid(test_logits)) # logits -> prediction probabilities -> prediction labels
      # 2. Calculate loss and accuracy
      test_loss = loss_fn(test_logits, y_test)
      test_acc = accuracy_fn(y_true=y_test,
                             y_pred=test_pred)

    # Print out what's happening
    if epoch % 10 == 0:
        print(f"Epoch: {epoch} | Loss: {loss:.5f}, Accuracy: {acc:.2f}% | Test Loss: {test_loss:.5f}, Test Accuracy: {test_acc:.2f}%")""",
     """torch.manual_seed(42);
const epochs = 100;
for (let epoch = 0; epoch < epochs; epoch++) {
  const y_logits = model_3(X_train).squeeze();
  const y_pred = torch.round(torch.sigmoid(y_logits));
  const loss = loss_fn(y_logits, y_train);
  const acc = accuracy_fn(y_train, y_pred);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_3.eval();
  const [test_loss, test_acc] = torch.inference_mode(() => {
    const test_logits = model_3(X_test).squeeze();
    const test_pred = torch.round(torch.sigmoid(test_logits));
    return [loss_fn(test_logits, y_test), accuracy_fn(y_test, test_pred)] as const;
  });
  if (epoch % 10 == 0) {
    print(`Epoch: ${epoch} | Loss: ${loss.item().toFixed(5)}, Accuracy: ${"%.2f" % acc}% | Test Loss: ${test_loss.item().toFixed(5)}, Test Accuracy: ${"%.2f" % test_acc}%`);
  }
}"""),
    # 8. Putting things together with a multi-class classification model
    ("""# Import dependencies
import torch
import matplotlib.pyplot as plt
from sklearn.datasets import make_blobs
from sklearn.model_selection import train_test_split

# Set the hyperparameters for data creation
NUM_CLASSES = 4
NUM_FEATURES = 2
RANDOM_SEED = 42

# 1. Create multi-class data
X_blob, y_blob = make_blobs(n_samples=1000,
    n_features=NUM_FEATURES, # X features
    centers=NUM_CLASSES, # y labels
    cluster_std=1.5, # give the clusters a little shake up (try changing this to 1.0, the default)
    random_state=RANDOM_SEED
)

# 2. Turn data into tensors
X_blob = torch.from_numpy(X_blob).type(torch.float)
y_blob = torch.from_numpy(y_blob).type(torch.LongTensor)
print(X_blob[:5], y_blob[:5])

# 3. Split into train and test sets
X_blob_train, X_blob_test, y_blob_train, y_blob_test = train_test_split(X_blob,
    y_blob,
    test_size=0.2,
    random_state=RANDOM_SEED
)""",
     """const NUM_CLASSES = 4;
const NUM_FEATURES = 2;
const RANDOM_SEED = 42;
let [X_blob_np, y_blob_np] = sklearn.datasets.make_blobs({n_samples: 1000, n_features: NUM_FEATURES, centers: NUM_CLASSES, cluster_std: 1.5, random_state: RANDOM_SEED});
const X_blob = torch.from_numpy(X_blob_np).type(torch.float);
const y_blob = torch.from_numpy(y_blob_np).type(torch.LongTensor);
print(X_blob[":5"], y_blob[":5"]);
const [X_blob_train, X_blob_test, y_blob_train, y_blob_test] = sklearn.model_selection.train_test_split(X_blob, y_blob, {test_size: 0.2, random_state: RANDOM_SEED});"""),
    ("""# Build model
class BlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.linear_layer_stack = nn.Sequential(
            nn.Linear(in_features=input_features, out_features=hidden_units),
            # nn.ReLU(), # <- does our dataset require non-linear layers? (try uncommenting and see if the results change)
            nn.Linear(in_features=hidden_units, out_features=hidden_units),
            # nn.ReLU(), # <- does our dataset require non-linear layers? (try uncommenting and see if the results change)
            nn.Linear(in_features=hidden_units, out_features=output_features), # how many classes are there?
        )

    def forward(self, x):
        return self.linear_layer_stack(x)

# Create an instance of BlobModel and send it to the target device
torch.manual_seed(42)
model_4 = BlobModel(input_features=NUM_FEATURES,
                    output_features=NUM_CLASSES,
                    hidden_units=8).to(device)
print(model_4)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model_4.parameters(),
                            lr=0.1) # exercise: try changing the learning rate here and seeing what happens to the model's performance""",
     """class BlobModel extends nn.Module {
  linear_layer_stack: nn.Sequential;
  constructor(input_features: number, output_features: number, hidden_units = 8) {
    super();
    this.linear_layer_stack = new nn.Sequential(
      new nn.Linear({in_features: input_features, out_features: hidden_units}),
      new nn.Linear({in_features: hidden_units, out_features: hidden_units}),
      new nn.Linear({in_features: hidden_units, out_features: output_features}),
    );
  }
  forward(x: torch.Tensor) {
    return this.linear_layer_stack(x);
  }
}
torch.manual_seed(42);
const model_4 = new BlobModel(NUM_FEATURES, NUM_CLASSES, 8).to(device);
print(model_4);
const loss_fn_4 = new nn.CrossEntropyLoss();
const optimizer_4 = new torch.optim.SGD(model_4.parameters(), {lr: 0.1});"""),
    ("""# Fit the model
torch.manual_seed(42)

# Set number of epochs
epochs = 100

for epoch in range(epochs):
    ### Training
    model_4.train()

    # 1. Forward pass
    y_logits = model_4(X_blob_train) # model outputs raw logits
    y_pred = torch.softmax(y_logits, dim=1).argmax(dim=1) # go from logits -> prediction probabilities -> prediction labels
    # print(y_logits)
    # 2. Calculate loss and accuracy
    loss = loss_fn(y_logits, y_blob_train)
    acc = accuracy_fn(y_true=y_blob_train,
                      y_pred=y_pred)

    # 3. Optimizer zero grad
    optimizer.zero_grad()

    # 4. Loss backwards
    loss.backward()

    # 5. Optimizer step
    optimizer.step()

    ### Testing
    model_4.eval()
    with torch.inference_mode():
      # 1. Forward pass
      test_logits = model_4(X_blob_test)
      test_pred = torch.softmax(test_logits, dim=1).argmax(dim=1)
      # 2. Calculate test loss and accuracy
      test_loss = loss_fn(test_logits, y_blob_test)
      test_acc = accuracy_fn(y_true=y_blob_test,
                             y_pred=test_pred)

    # Print out what's happening
    if epoch % 10 == 0:
        print(f"Epoch: {epoch} | Loss: {loss:.5f}, Acc: {acc:.2f}% | Test Loss: {test_loss:.5f}, Test Acc: {test_acc:.2f}%")""",
     """torch.manual_seed(42);
for (let epoch = 0; epoch < epochs; epoch++) {
  model_4.train();
  const y_logits = model_4(X_blob_train);
  const y_pred = torch.softmax(y_logits, {dim: 1}).argmax({dim: 1});
  const loss = loss_fn_4(y_logits, y_blob_train);
  const acc = accuracy_fn(y_blob_train, y_pred);
  optimizer_4.zero_grad();
  loss.backward();
  optimizer_4.step();
  model_4.eval();
  const [test_loss, test_acc] = torch.inference_mode(() => {
    const test_logits = model_4(X_blob_test);
    const test_pred = torch.softmax(test_logits, {dim: 1}).argmax({dim: 1});
    return [loss_fn_4(test_logits, y_blob_test), accuracy_fn(y_blob_test, test_pred)] as const;
  });
  if (epoch % 10 == 0) {
    print(`Epoch: ${epoch} | Loss: ${loss.item().toFixed(5)}, Acc: ${"%.2f" % acc}% | Test Loss: ${test_loss.item().toFixed(5)}, Test Acc: ${"%.2f" % test_acc}%`);
  }
}"""),
    ("""# Make predictions
model_4.eval()
with torch.inference_mode():
    y_logits = model_4(X_blob_test)
# Turn predicted logits in prediction probabilities
y_pred_probs = torch.softmax(y_logits, dim=1)

# Turn prediction probabilities into prediction labels
y_preds = y_pred_probs.argmax(dim=1)

# Compare first 10 model preds and test labels
print(f"Predictions: {y_preds[:10]}\\nLabels: {y_blob_test[:10]}")
print(f"Test accuracy: {accuracy_fn(y_true=y_blob_test, y_pred=y_preds)}%")""",
     """model_4.eval();
const y_logits = torch.inference_mode(() => model_4(X_blob_test));
const y_pred_probs = torch.softmax(y_logits, {dim: 1});
const y_preds = y_pred_probs.argmax({dim: 1});
print(`Predictions: ${y_preds[":10"]}\\nLabels: ${y_blob_test[":10"]}`);
print(`Test accuracy: ${accuracy_fn(y_blob_test, y_preds)}%`);"""),
]


def main():
    scope = {"torch": torch, "nn": nn}
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(py, scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    with open("ztm_sklearn.json", "w") as f:
        json.dump({"cells": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()

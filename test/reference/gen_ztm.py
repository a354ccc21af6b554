"""Fixture for test/tutorials/ztm_notebook.test.ts: Daniel Bourke's "Zero to Mastery: Learn PyTorch for
Deep Learning" (mrdbourke/pytorch-deep-learning) notebooks 00 (fundamentals), 01 (workflow), 02
(classification), 03 (computer vision) and 04 (custom datasets), the port's cells in order, run on PyTorch 1.13. Each cell records what it prints
(print()) and what Jupyter shows as its value (IPython's repr; a tuple as a list, as the port writes
`[a, b]`). The stand-ins and what is left out are listed in the test's
header: make_circles / make_blobs / train_test_split are seeded torch computations, training loops run
fewer epochs, CUDA / matplotlib / pandas / %%time cells are left out."""
import math
import os
import sys
import tempfile
import warnings

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402
from gen_pytorch_book import fmt  # noqa: E402

warnings.simplefilter("ignore")
CELLS = []


def cell():
    CELLS.append({"printed": "", "shown": None})


def p(*args):
    CELLS[-1]["printed"] += " ".join(fmt(a) for a in args) + "\n"


def show_one(v):
    if type(v) in (list, tuple):
        return "[" + ", ".join(show_one(x) for x in v) + "]"
    return repr(v)


def show(v):
    CELLS[-1]["shown"] = show_one(v)


def err(f):
    try:
        f()
        p("no error")
    except Exception as e:  # noqa: BLE001 - the error is the reference
        p(f"ERR {type(e).__name__}: {e}")


def fundamentals():
    CELLS.clear()
    cell()
    cell(); scalar = torch.tensor(7); show(scalar)
    cell(); show(scalar.ndim)
    cell(); show(scalar.item())
    cell(); vector = torch.tensor([7, 7]); show(vector)
    cell(); show(vector.shape)
    cell(); MATRIX = torch.tensor([[7, 8], [9, 10]]); show(MATRIX)
    cell(); TENSOR = torch.tensor([[[1, 2, 3], [3, 6, 9], [2, 4, 5]]]); show(TENSOR)
    cell(); show(TENSOR.shape)
    cell(); torch.manual_seed(0); random_tensor = torch.rand(size=(3, 4)); show((random_tensor, random_tensor.dtype))
    cell(); random_image_size_tensor = torch.rand(size=(224, 224, 3)); show((random_image_size_tensor.shape, random_image_size_tensor.ndim))
    cell(); zeros = torch.zeros(size=(3, 4)); show((zeros, zeros.dtype))
    cell(); torch.range(0, 10); zero_to_ten = torch.arange(start=0, end=10, step=1); show(zero_to_ten)
    cell(); show(torch.zeros_like(input=zero_to_ten))
    cell(); f32 = torch.tensor([3.0, 6.0, 9.0], dtype=None, device=None, requires_grad=False); show((f32.shape, f32.dtype, f32.device))
    cell()
    some_tensor = torch.rand(3, 4)
    p(some_tensor)
    p(f"Shape of tensor: {some_tensor.shape}")
    p(f"Datatype of tensor: {some_tensor.dtype}")
    p(f"Device tensor is stored on: {some_tensor.device}")
    cell(); tensor = torch.tensor([1, 2, 3]); show(tensor + 10)
    cell(); tensor = tensor - 10; show(tensor)
    cell(); show(torch.multiply(tensor, 10))
    cell(); p(tensor, "*", tensor); p("Equals:", tensor * tensor)
    cell(); tensor = torch.tensor([1, 2, 3]); show(torch.matmul(tensor, tensor))
    cell(); show(tensor @ tensor)
    cell()
    value = 0
    for i in range(len(tensor)):
        value += tensor[i] * tensor[i]
    show(value)
    cell()
    tensor_A = torch.tensor([[1, 2], [3, 4], [5, 6]], dtype=torch.float32)
    tensor_B = torch.tensor([[7, 10], [8, 11], [9, 12]], dtype=torch.float32)
    err(lambda: torch.matmul(tensor_A, tensor_B))
    cell(); p(tensor_A); p(tensor_B.T)
    cell()
    p(f"Original shapes: tensor_A = {tensor_A.shape}, tensor_B = {tensor_B.shape}\n")
    output = torch.matmul(tensor_A, tensor_B.T)
    p(output)
    p(f"\nOutput shape: {output.shape}")
    cell()
    torch.manual_seed(42)
    linear = torch.nn.Linear(in_features=2, out_features=6)
    x = tensor_A
    output2 = linear(x)
    p(f"Input shape: {x.shape}\n")
    p(f"Output:\n{output2}\n\nOutput shape: {output2.shape}")
    cell()
    x = torch.arange(0, 100, 10)
    p(f"Minimum: {x.min()}")
    p(f"Mean: {x.type(torch.float32).mean()}")
    p(f"Sum: {x.sum()}")
    err(lambda: x.mean())
    cell(); show((torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x)))
    cell()
    tensor = torch.arange(10, 100, 10)
    p(f"Tensor: {tensor}")
    p(f"Index where max value occurs: {tensor.argmax()}")
    cell(); tensor = torch.arange(10., 100., 10.); show(tensor.dtype)
    cell(); show(tensor.type(torch.int8))
    cell(); x = torch.arange(1., 8.); show((x, x.shape))
    cell(); x_reshaped = x.reshape(1, 7); show((x_reshaped, x_reshaped.shape))
    cell(); z = x.view(1, 7); show((z, z.shape))
    cell(); z[:, 0] = 5; show((z, x))
    cell(); show(torch.stack([x, x, x, x], dim=0))
    cell()
    p(f"Previous tensor: {x_reshaped}")
    p(f"Previous shape: {x_reshaped.shape}")
    x_squeezed = x_reshaped.squeeze()
    p(f"\nNew tensor: {x_squeezed}")
    p(f"New shape: {x_squeezed.shape}")
    cell()
    x_unsqueezed = x_squeezed.unsqueeze(dim=0)
    p(f"\nNew tensor: {x_unsqueezed}")
    p(f"New shape: {x_unsqueezed.shape}")
    cell()
    x_original = torch.rand(size=(224, 224, 3))
    x_permuted = x_original.permute(2, 0, 1)
    p(f"Previous shape: {x_original.shape}")
    p(f"New shape: {x_permuted.shape}")
    cell(); x = torch.arange(1, 10).reshape(1, 3, 3); show((x, x.shape))
    cell()
    p(f"First square bracket:\n{x[0]}")
    p(f"Second square bracket: {x[0][0]}")
    p(f"Third square bracket: {x[0][0][0]}")
    cell(); show(x[:, 0])
    cell(); show(x[:, :, 1])
    cell(); show(x[:, 1, 1])
    cell(); show(x[0, 0, :])
    cell(); array = torch.arange(1.0, 8.0, dtype=torch.float64).numpy(); tensor = torch.from_numpy(array); show(tensor)
    cell(); tensor = torch.ones(7); numpy_tensor = tensor.numpy(); tensor = tensor + 1; show((tensor, list(numpy_tensor.shape)))
    cell()
    torch.manual_seed(1)
    random_tensor_A = torch.rand(3, 4)
    random_tensor_B = torch.rand(3, 4)
    p(f"Tensor A:\n{random_tensor_A}\n")
    p("Does Tensor A equal Tensor B? (anywhere)")
    show(random_tensor_A == random_tensor_B)
    cell()
    RANDOM_SEED = 42
    torch.manual_seed(seed=RANDOM_SEED)
    random_tensor_C = torch.rand(3, 4)
    torch.random.manual_seed(seed=RANDOM_SEED)
    random_tensor_D = torch.rand(3, 4)
    p(f"Tensor C:\n{random_tensor_C}\n")
    show(random_tensor_C == random_tensor_D)
    # The port runs on the CPU, as this generator does.
    cell(); show(False)
    cell(); device = "cpu"; show(device)
    cell(); show(0)
    cell(); show(False)
    cell(); tensor = torch.tensor([1, 2, 3]); p(tensor, tensor.device); tensor_on_gpu = tensor.to(device); show(tensor_on_gpu)
    cell(); tensor_on_gpu.cpu().numpy()
    return list(CELLS)


class LinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1, dtype=torch.float), requires_grad=True)
        self.bias = nn.Parameter(torch.randn(1, dtype=torch.float), requires_grad=True)

    def forward(self, x):
        return self.weights * x + self.bias


class LinearRegressionModelV2(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear_layer = nn.Linear(in_features=1, out_features=1)

    def forward(self, x):
        return self.linear_layer(x)


def workflow():
    CELLS.clear()
    cell()
    weight, bias = 0.7, 0.3
    start, end, step = 0, 1, 0.02
    X = torch.arange(start, end, step).unsqueeze(dim=1)
    y = weight * X + bias
    show((X[:10], y[:10]))
    cell()
    train_split = int(0.8 * len(X))
    X_train, y_train = X[:train_split], y[:train_split]
    X_test, y_test = X[train_split:], y[train_split:]
    show((len(X_train), len(y_train), len(X_test), len(y_test)))
    cell()
    cell(); torch.manual_seed(42); model_0 = LinearRegressionModel(); show(list(model_0.parameters()))
    cell(); show(model_0.state_dict())
    cell()
    with torch.inference_mode():
        y_preds = model_0(X_test)
    p(f"Number of testing samples: {len(X_test)}")
    p(f"Predicted values:\n{y_preds}")
    cell(); show(y_test - y_preds)
    cell(); loss_fn = nn.L1Loss(); optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.01)
    cell()
    torch.manual_seed(42)
    for epoch in range(100):
        model_0.train()
        y_pred = model_0(X_train)
        loss = loss_fn(y_pred, y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        model_0.eval()
        with torch.inference_mode():
            test_pred = model_0(X_test)
            test_loss = loss_fn(test_pred, y_test.type(torch.float))
            if epoch % 10 == 0:
                p(f"Epoch: {epoch} | MAE Train Loss: {loss} | MAE Test Loss: {test_loss} ")
    cell()
    p("The model learned the following values for weights and bias:")
    p(model_0.state_dict())
    p(f"weights: {weight}, bias: {bias}")
    cell()
    model_0.eval()
    with torch.inference_mode():
        y_preds = model_0(X_test)
    show(y_preds)
    tmp = tempfile.mkdtemp()
    cell()
    MODEL_NAME = "01_pytorch_workflow_model_0.pth"
    MODEL_SAVE_PATH = os.path.join(tmp, MODEL_NAME)
    p(f"Saving model to: {MODEL_NAME}")
    torch.save(obj=model_0.state_dict(), f=MODEL_SAVE_PATH)
    cell(); loaded_model_0 = LinearRegressionModel(); show(loaded_model_0.load_state_dict(torch.load(f=MODEL_SAVE_PATH)))
    cell()
    loaded_model_0.eval()
    with torch.inference_mode():
        loaded_model_preds = loaded_model_0(X_test)
    show(y_preds == loaded_model_preds)
    cell(); torch.manual_seed(42); model_1 = LinearRegressionModelV2(); show((model_1, model_1.state_dict()))
    cell(); show(next(model_1.parameters()).device)
    cell(); device = "cpu"; model_1.to(device); p(model_1)
    cell(); loss_fn = nn.L1Loss(); optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.01)
    cell()
    torch.manual_seed(42)
    for epoch in range(300):
        model_1.train()
        y_pred = model_1(X_train)
        loss = loss_fn(y_pred, y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        model_1.eval()
        with torch.inference_mode():
            test_pred = model_1(X_test)
            test_loss = loss_fn(test_pred, y_test)
        if epoch % 100 == 0:
            p(f"Epoch: {epoch} | Train loss: {loss} | Test loss: {test_loss}")
    cell()
    p("The model learned the following values for weights and bias:")
    p(model_1.state_dict())
    p(f"weights: {weight}, bias: {bias}")
    cell()
    model_1.eval()
    with torch.inference_mode():
        y_preds = model_1(X_test)
    show(y_preds)
    cell()
    MODEL_SAVE_PATH_1 = os.path.join(tmp, "01_pytorch_workflow_model_1.pth")
    torch.save(obj=model_1.state_dict(), f=MODEL_SAVE_PATH_1)
    loaded_model_1 = LinearRegressionModelV2()
    loaded_model_1.load_state_dict(torch.load(MODEL_SAVE_PATH_1))
    loaded_model_1.to(device)
    p(f"Loaded model:\n{loaded_model_1}")
    p(f"Model on device:\n{next(loaded_model_1.parameters()).device}")
    cell()
    loaded_model_1.eval()
    with torch.inference_mode():
        loaded_model_1_preds = loaded_model_1(X_test)
    show(y_preds == loaded_model_1_preds)
    return list(CELLS)


def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item()
    return (correct / len(y_pred)) * 100


class CircleModelV0(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer_1 = nn.Linear(in_features=2, out_features=5)
        self.layer_2 = nn.Linear(in_features=5, out_features=1)

    def forward(self, x):
        return self.layer_2(self.layer_1(x))


class CircleModelV2(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer_1 = nn.Linear(in_features=2, out_features=10)
        self.layer_2 = nn.Linear(in_features=10, out_features=10)
        self.layer_3 = nn.Linear(in_features=10, out_features=1)
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.layer_3(self.relu(self.layer_2(self.relu(self.layer_1(x)))))


class BlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.linear_layer_stack = nn.Sequential(
            nn.Linear(in_features=input_features, out_features=hidden_units),
            nn.Linear(in_features=hidden_units, out_features=hidden_units),
            nn.Linear(in_features=hidden_units, out_features=output_features),
        )

    def forward(self, x):
        return self.linear_layer_stack(x)


def classification():
    CELLS.clear()
    cell()
    n_samples = 200
    torch.manual_seed(42)
    angle = torch.rand(n_samples) * 2 * math.pi
    y = (torch.arange(n_samples) % 2).type(torch.float)
    radius = 1 - 0.2 * y
    X = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1) + 0.03 * torch.randn(n_samples, 2)
    p(f"First 5 X features:\n{X[:5]}")
    p(f"\nFirst 5 y labels:\n{y[:5]}")
    cell(); show((X.shape, y.shape))
    cell()
    X_sample, y_sample = X[0], y[0]
    p(f"Values for one sample of X: {X_sample} and the same for y: {y_sample}")
    p(f"Shapes for one sample of X: {X_sample.shape} and the same for y: {y_sample.shape}")
    cell()
    perm = torch.randperm(n_samples)
    n_test = int(0.2 * n_samples)
    X_train, X_test, y_train, y_test = X[perm[n_test:]], X[perm[:n_test]], y[perm[n_test:]], y[perm[:n_test]]
    show((len(X_train), len(X_test), len(y_train), len(y_test)))
    cell(); device = "cpu"; show(device)
    cell(); torch.manual_seed(42); model_0 = CircleModelV0().to(device); show(model_0)
    cell()
    torch.manual_seed(42)
    model_0 = nn.Sequential(nn.Linear(in_features=2, out_features=5), nn.Linear(in_features=5, out_features=1)).to(device)
    show(model_0)
    cell()
    untrained_preds = model_0(X_test.to(device))
    p(f"Length of predictions: {len(untrained_preds)}, Shape: {untrained_preds.shape}")
    p(f"Length of test samples: {len(y_test)}, Shape: {y_test.shape}")
    p(f"\nFirst 10 predictions:\n{untrained_preds[:10]}")
    p(f"\nFirst 10 test labels:\n{y_test[:10]}")
    cell(); loss_fn = nn.BCEWithLogitsLoss(); optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.1)
    cell()
    cell(); y_logits = model_0(X_test.to(device))[:5]; show(y_logits)
    cell(); y_pred_probs = torch.sigmoid(y_logits); show(y_pred_probs)
    cell()
    y_preds = torch.round(y_pred_probs)
    y_pred_labels = torch.round(torch.sigmoid(model_0(X_test.to(device))[:5]))
    p(torch.eq(y_preds.squeeze(), y_pred_labels.squeeze()))
    show(y_preds.squeeze())
    cell(); show(y_test[:5])

    def fit_binary(model, every, header):
        torch.manual_seed(42)
        for epoch in range(100):
            model.train()
            y_logits = model(X_train).squeeze()
            y_pred = torch.round(torch.sigmoid(y_logits))
            loss = loss_fn(y_logits, y_train)
            acc = accuracy_fn(y_train, y_pred)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            model.eval()
            with torch.inference_mode():
                test_logits = model(X_test).squeeze()
                test_pred = torch.round(torch.sigmoid(test_logits))
                test_loss = loss_fn(test_logits, y_test)
                test_acc = accuracy_fn(y_test, test_pred)
            if epoch % every == 0:
                p(header.format(epoch=epoch, loss=loss, acc=acc, test_loss=test_loss, test_acc=test_acc))

    cell()
    fit_binary(model_0, 10, "Epoch: {epoch} | Loss: {loss:.5f}, Accuracy: {acc:.2f}% | Test loss: {test_loss:.5f}, Test acc: {test_acc:.2f}%")
    cell(); torch.manual_seed(42); model_3 = CircleModelV2().to(device); p(model_3)
    cell(); loss_fn = nn.BCEWithLogitsLoss(); optimizer = torch.optim.SGD(model_3.parameters(), lr=0.1)
    cell()
    fit_binary(model_3, 20, "Epoch: {epoch} | Loss: {loss:.5f}, Accuracy: {acc:.2f}% | Test Loss: {test_loss:.5f}, Test Accuracy: {test_acc:.2f}%")
    cell()
    model_3.eval()
    with torch.inference_mode():
        y_preds = torch.round(torch.sigmoid(model_3(X_test))).squeeze()
    show((y_preds[:10], y[:10]))
    cell(); A = torch.arange(-10, 10, 1, dtype=torch.float32); show(A)
    cell(); show(torch.maximum(torch.tensor(0), A))
    cell(); show(1 / (1 + torch.exp(-A)))
    cell()
    NUM_CLASSES, NUM_FEATURES, RANDOM_SEED = 4, 2, 42
    torch.manual_seed(RANDOM_SEED)
    centers = torch.tensor([[-2.5, 9.0], [4.5, 2.0], [-7.0, -7.0], [-9.0, 7.5]])
    y_blob = torch.randint(0, NUM_CLASSES, [200]).type(torch.LongTensor)
    X_blob = (centers[y_blob] + 1.5 * torch.randn(200, NUM_FEATURES)).type(torch.float)
    p(X_blob[:5], y_blob[:5])
    blob_perm = torch.randperm(200)
    X_blob_train, X_blob_test, y_blob_train, y_blob_test = X_blob[blob_perm[40:]], X_blob[blob_perm[:40]], y_blob[blob_perm[40:]], y_blob[blob_perm[:40]]
    cell(); torch.manual_seed(42); model_4 = BlobModel(NUM_FEATURES, NUM_CLASSES, 8).to(device); show(model_4)
    cell(); loss_fn = nn.CrossEntropyLoss(); optimizer = torch.optim.SGD(model_4.parameters(), lr=0.1)
    cell(); show(model_4(X_blob_train.to(device))[:5])
    cell(); show((model_4(X_blob_train.to(device))[0].shape, NUM_CLASSES))
    cell()
    y_logits = model_4(X_blob_test.to(device))
    y_pred_probs = torch.softmax(y_logits, dim=1)
    p(y_logits[:5])
    p(y_pred_probs[:5])
    cell(); show(torch.sum(y_pred_probs[0]))
    cell(); p(y_pred_probs[0]); p(torch.argmax(y_pred_probs[0]))
    cell()
    torch.manual_seed(42)
    for epoch in range(100):
        model_4.train()
        y_logits = model_4(X_blob_train)
        y_pred = torch.softmax(y_logits, dim=1).argmax(dim=1)
        loss = loss_fn(y_logits, y_blob_train)
        acc = accuracy_fn(y_blob_train, y_pred)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        model_4.eval()
        with torch.inference_mode():
            test_logits = model_4(X_blob_test)
            test_pred = torch.softmax(test_logits, dim=1).argmax(dim=1)
            test_loss = loss_fn(test_logits, y_blob_test)
            test_acc = accuracy_fn(y_blob_test, test_pred)
        if epoch % 10 == 0:
            p(f"Epoch: {epoch} | Loss: {loss:.5f}, Acc: {acc:.2f}% | Test Loss: {test_loss:.5f}, Test Acc: {test_acc:.2f}%")
    cell()
    model_4.eval()
    with torch.inference_mode():
        y_logits = model_4(X_blob_test)
    show(y_logits[:10])
    cell()
    y_preds = torch.softmax(y_logits, dim=1).argmax(dim=1)
    p(f"Predictions: {y_preds[:10]}\nLabels: {y_blob_test[:10]}")
    p(f"Test accuracy: {accuracy_fn(y_blob_test, y_preds)}%")
    return list(CELLS)


class FashionMNISTModelV2(nn.Module):
    def __init__(self, input_shape, hidden_units, output_shape):
        super().__init__()
        self.block_1 = nn.Sequential(
            nn.Conv2d(in_channels=input_shape, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(in_channels=hidden_units, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1),
            nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(in_features=hidden_units * 7 * 7, out_features=output_shape))

    def forward(self, x):
        x = self.block_1(x)
        x = self.block_2(x)
        x = self.classifier(x)
        return x


def vision():
    CELLS.clear()
    from torch.utils.data import DataLoader, TensorDataset
    cell()
    class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    torch.manual_seed(0)
    train_data = TensorDataset(torch.rand(64, 1, 28, 28), torch.randint(0, 10, [64]))
    test_data = TensorDataset(torch.rand(32, 1, 28, 28), torch.randint(0, 10, [32]))
    image, label = train_data[0]
    p(f"Image shape: {image.shape} -> [color_channels, height, width]")
    p(f"Image label: {class_names[label]}")
    show((len(train_data), len(test_data)))
    cell()
    BATCH_SIZE = 32
    torch.manual_seed(42)
    train_dataloader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True)
    test_dataloader = DataLoader(test_data, batch_size=BATCH_SIZE, shuffle=False)
    p(f"Length of train dataloader: {len(train_dataloader)} batches of {BATCH_SIZE}")
    p(f"Length of test dataloader: {len(test_dataloader)} batches of {BATCH_SIZE}")
    cell()
    train_features_batch, train_labels_batch = next(iter(train_dataloader))
    show((train_features_batch.shape, train_labels_batch.shape, train_labels_batch[:8]))
    cell()
    flatten_model = nn.Flatten()
    x = train_features_batch[0]
    output = flatten_model(x)
    p(f"Shape before flattening: {x.shape} -> [color_channels, height, width]")
    p(f"Shape after flattening: {output.shape} -> [color_channels, height*width]")
    cell(); torch.manual_seed(42); model_2 = FashionMNISTModelV2(input_shape=1, hidden_units=10, output_shape=len(class_names)); show(model_2)
    cell()
    torch.manual_seed(42)
    images = torch.randn(size=(32, 3, 64, 64))
    test_image = images[0]
    p(f"Image batch shape: {images.shape} -> [batch_size, color_channels, height, width]")
    p(f"Single image shape: {test_image.shape} -> [color_channels, height, width]")
    cell(); torch.manual_seed(42); conv_layer = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=3, stride=1, padding=0); show(conv_layer(test_image)[:2, :2, :4])
    cell(); show(conv_layer(test_image.unsqueeze(dim=0)).shape)
    cell(); torch.manual_seed(42); conv_layer_2 = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=(5, 5), stride=2, padding=0); show(conv_layer_2(test_image.unsqueeze(dim=0)).shape)
    cell()
    p(f"conv_layer_2 weight shape: \n{conv_layer_2.weight.shape} -> [out_channels=10, in_channels=3, kernel_size=5, kernel_size=5]")
    p(f"\nconv_layer_2 bias shape: \n{conv_layer_2.bias.shape} -> [out_channels=10]")
    p(conv_layer_2.state_dict()["bias"])
    cell()
    max_pool_layer = nn.MaxPool2d(kernel_size=2)
    test_image_through_conv = conv_layer(test_image.unsqueeze(dim=0))
    p(f"Shape after going through conv_layer(): {test_image_through_conv.shape}")
    p(f"Shape after going through conv_layer() and max_pool_layer(): {max_pool_layer(test_image_through_conv).shape}")
    cell()
    torch.manual_seed(42)
    random_tensor = torch.randn(size=(1, 1, 2, 2))
    p(f"Random tensor:\n{random_tensor}")
    max_pool_tensor = nn.MaxPool2d(kernel_size=2)(random_tensor)
    p(f"\nMax pool tensor:\n{max_pool_tensor} <- this is the maximum value from random_tensor")
    p(f"Max pool tensor shape: {max_pool_tensor.shape}")
    cell()
    device = "cpu"

    def train_step(model, data_loader, loss_fn, optimizer, accuracy_fn, device=device):
        train_loss, train_acc = 0, 0
        model.to(device)
        for X, y in data_loader:
            y_pred = model(X)
            loss = loss_fn(y_pred, y)
            train_loss += loss
            train_acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        train_loss /= len(data_loader)
        train_acc /= len(data_loader)
        p(f"Train loss: {train_loss:.5f} | Train accuracy: {train_acc:.2f}%")

    def test_step(data_loader, model, loss_fn, accuracy_fn, device=device):
        test_loss, test_acc = 0, 0
        model.to(device)
        model.eval()
        with torch.inference_mode():
            for X, y in data_loader:
                test_pred = model(X)
                test_loss += loss_fn(test_pred, y)
                test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1))
            test_loss /= len(data_loader)
            test_acc /= len(data_loader)
            p(f"Test loss: {test_loss:.5f} | Test accuracy: {test_acc:.2f}%\n")
    cell(); loss_fn = nn.CrossEntropyLoss(); optimizer = torch.optim.SGD(params=model_2.parameters(), lr=0.1)
    cell()
    torch.manual_seed(42)
    for epoch in range(2):
        p(f"Epoch: {epoch}\n---------")
        train_step(model_2, train_dataloader, loss_fn, optimizer, accuracy_fn, device)
        test_step(test_dataloader, model_2, loss_fn, accuracy_fn, device)

    def eval_model(model, data_loader, loss_fn, accuracy_fn, device=device):
        loss, acc = 0, 0
        model.eval()
        with torch.inference_mode():
            for X, y in data_loader:
                y_pred = model(X)
                loss += loss_fn(y_pred, y)
                acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
            loss /= len(data_loader)
            acc /= len(data_loader)
        return {"model_name": model.__class__.__name__, "model_loss": loss.item(), "model_acc": acc}
    cell()
    model_2_results = eval_model(model_2, test_dataloader, loss_fn, accuracy_fn)
    p(model_2_results["model_name"], model_2_results["model_loss"], model_2_results["model_acc"])

    def make_predictions(model, data, device=device):
        pred_probs = []
        model.eval()
        with torch.inference_mode():
            for sample in data:
                sample = torch.unsqueeze(sample, dim=0).to(device)
                pred_logit = model(sample)
                pred_probs.append(torch.softmax(pred_logit.squeeze(), dim=0).cpu())
        return torch.stack(pred_probs)
    cell()
    test_samples = [test_data[i][0] for i in [3, 17, 8]]
    pred_probs = make_predictions(model_2, test_samples)
    show(pred_probs[:2])
    cell(); show(pred_probs.argmax(dim=1))
    cell()
    path = os.path.join(tempfile.mkdtemp(), "03_pytorch_computer_vision_model_2.pth")
    torch.save(obj=model_2.state_dict(), f=path)
    loaded_model_2 = FashionMNISTModelV2(1, 10, 10)
    loaded_model_2.load_state_dict(torch.load(f=path))
    torch.manual_seed(42)
    loaded_results = eval_model(loaded_model_2, test_dataloader, loss_fn, accuracy_fn)
    show(torch.isclose(torch.tensor(model_2_results["model_loss"]), torch.tensor(loaded_results["model_loss"]), atol=1e-08, rtol=0.0001))
    return list(CELLS)


def custom_datasets():
    import torchvision
    from torchvision import datasets, transforms
    from torch.utils.data import DataLoader, Dataset
    CELLS.clear()
    cell()
    data_path = tempfile.mkdtemp(prefix="pizza_steak_sushi-")
    image_path = os.path.join(data_path, "pizza_steak_sushi")
    torch.manual_seed(0)
    for split in ["train", "test"]:
        for c, name in enumerate(["pizza", "steak", "sushi"]):
            os.makedirs(os.path.join(image_path, split, name), exist_ok=True)
            for k in range(4 if split == "train" else 2):
                img = torch.rand(3, 64, 64) * 0.5
                img[c] += 0.5
                torchvision.utils.save_image(img, os.path.join(image_path, split, name, f"{k}.png"))
    train_dir = os.path.join(image_path, "train")
    test_dir = os.path.join(image_path, "test")
    cell()
    # The port writes the size as a list: JavaScript has no tuples.
    data_transform = transforms.Compose([transforms.Resize(size=[64, 64]), transforms.RandomHorizontalFlip(p=0.5), transforms.ToTensor()])
    train_data = datasets.ImageFolder(root=train_dir, transform=data_transform, target_transform=None)
    test_data = datasets.ImageFolder(root=test_dir, transform=data_transform)
    p(f"Train data:\n{train_data}\nTest data:\n{test_data}".replace(data_path, "data"))
    cell(); show(train_data.classes)
    cell(); class_dict = train_data.class_to_idx; p(class_dict["pizza"], class_dict["steak"], class_dict["sushi"])
    cell(); show((len(train_data), len(test_data)))
    cell()
    torch.manual_seed(42)
    img, label = train_data[0]
    p(f"Image tensor:\n{img[:, :2, :4]}")
    p(f"Image shape: {img.shape}")
    p(f"Image datatype: {img.dtype}")
    p(f"Image label: {label}")
    cell()
    img_permute = img.permute(1, 2, 0)
    p(f"Original shape: {img.shape} -> [color_channels, height, width]")
    p(f"Image permute shape: {img_permute.shape} -> [height, width, color_channels]")

    def find_classes(directory):
        classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
        if not classes:
            raise FileNotFoundError(f"Couldn't find any classes in {directory}.")
        return classes, {cls_name: i for i, cls_name in enumerate(classes)}
    cell(); show(find_classes(train_dir)[0])

    class ImageFolderCustom(Dataset):
        def __init__(self, targ_dir, transform=None):
            self.paths = [os.path.join(targ_dir, c, f) for c in find_classes(targ_dir)[0] for f in sorted(os.listdir(os.path.join(targ_dir, c)))]
            self.transform = transform
            self.classes, self.class_to_idx = find_classes(targ_dir)

        def load_image(self, index):
            return torchvision.io.read_image(self.paths[index])

        def __len__(self):
            return len(self.paths)

        def __getitem__(self, index):
            img = self.load_image(index)
            class_idx = self.class_to_idx[os.path.basename(os.path.dirname(self.paths[index]))]
            if self.transform:
                return self.transform(img), class_idx
            return img, class_idx
    cell(); train_data_custom = ImageFolderCustom(train_dir, transforms.RandomHorizontalFlip(p=0.5)); show((len(train_data_custom), train_data_custom.classes))
    cell(); torch.manual_seed(42); img_c, label_c = train_data_custom[5]; show((img_c.shape, img_c.dtype, label_c, img_c[0, 0, :6]))
    cell()
    torch.manual_seed(42)
    train_dataloader_custom = DataLoader(train_data_custom, batch_size=4, shuffle=True)
    img_b, label_b = next(iter(train_dataloader_custom))
    p(f"Image shape: {img_b.shape} -> [batch_size, color_channels, height, width]")
    p(f"Label shape: {label_b.shape}")
    show(label_b)
    return list(CELLS)


if __name__ == "__main__":
    out = {"fundamentals": fundamentals(), "workflow": workflow(), "classification": classification(), "vision": vision(), "custom_datasets": custom_datasets()}
    print(write_json(out, "ztm.json"))

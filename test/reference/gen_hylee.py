"""Fixture for test/tutorials/hylee_notebook.test.ts: 李宏毅 (Hung-yi Lee, NTU)'s Machine Learning 2021 /
2022 course, its PyTorch material in the course's order as the cells of one notebook, run on PyTorch 1.13 as
IPython runs them: each cell records what it prints and what Jupyter shows as its value.

The TA's "PyTorch Tutorial" (Pytorch_Tutorial_1.pdf: tensors, gradients, nn.Linear, activations,
losses, optim, the training / validation / testing loops), HW1's COVID-19 cases prediction notebook
(ML2021Spring_HW1.ipynb, the TA's sample code) and HW1 2022's (same_seed, train_valid_split,
select_feat, trainer, predict) cell by cell; tqdm, tensorboard and pandas are not installed beside this
PyTorch: their lines are left out, and `pd.read_csv(path).values` is READ_CSV's NumPy read.
The course's Kaggle data is not available offline: this script writes small seeded stand-ins under
test/reference/hylee/ that both sides read: covid.train.csv (id, 40 one-hot states, 3 days x 18
features, the last day's tested_positive the target; 50 rows) and covid.test.csv (the same less the
target; 12 rows). The notebook's first cell (not a course cell) copies them into a temporary folder and
makes it the working directory. The whole notebook starts from torch.manual_seed(0), as `torchlab run`
seeds a fresh kernel. The test's header lists what else is shrunk or left out.
Run: /usr/bin/python3 test/reference/gen_hylee.py"""
import ast
import contextlib
import io
import os
import sys
import types

import numpy as np
import torch
from IPython.lib.pretty import pretty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402

DATA = os.path.join(HERE, "hylee")

FEATURES = ["cli", "ili", "hh_cmnty_cli", "nohh_cmnty_cli", "wearing_mask", "travel_outside_state",
            "work_outside_home", "shop", "restaurant", "spent_time", "large_event", "public_transit",
            "anxious", "depressed", "felt_isolated", "worried_become_ill", "worried_finances", "tested_positive"]


def write_data():
    os.makedirs(DATA, exist_ok=True)
    rng = np.random.RandomState(0)
    header = ["id"] + [f"state{s}" for s in range(40)] + [f + ("" if d == 0 else f".{d}") for d in range(3) for f in FEATURES]

    def rows(n, with_target):
        out = []
        for i in range(n):
            state = np.zeros(40, int)
            state[rng.randint(40)] = 1
            base = rng.uniform(0.5, 30, len(FEATURES))
            days = []
            for _ in range(3):
                base = base + rng.normal(0, 0.5, len(FEATURES))
                days.extend(base)
            # the target follows the features (tested_positive of day 3 from day 1 / 2's)
            feats = [f"{v:.4f}" for v in days]
            if not with_target:
                feats = feats[:-1]
            out.append([str(i)] + [str(v) for v in state] + feats)
        return out

    for name, n, target in [("covid.train.csv", 50, True), ("covid.test.csv", 12, False)]:
        with open(os.path.join(DATA, name), "w") as f:
            f.write(",".join(header if target else header[:-1]) + "\n")
            for r in rows(n, target):
                f.write(",".join(r) + "\n")


def show(v):
    if type(v) is tuple:
        return pretty(list(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    return pretty(v)


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    ns["torch"] = torch
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
                if last is not None:
                    v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                    if v is not None:
                        shown = show(v)
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERROR {type(e).__name__}: {e}")
        out.append({"printed": buf.getvalue(), "shown": shown})
    return out


SETUP = f"""import os, shutil, tempfile
tmp = tempfile.mkdtemp(prefix="hylee-")
for f in ["covid.train.csv", "covid.test.csv"]:
    shutil.copy(os.path.join({DATA!r}, f), os.path.join(tmp, f))
os.chdir(tmp)
del shutil, tempfile"""

TUTORIAL = [
    """import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader""",
    # Tensor - Constructor
    """x = torch.tensor([[1, -1], [-1, 1]])
x""",
    """x = torch.zeros([2, 2])
x""",
    """x = torch.ones([1, 2, 5])
x""",
    # Tensor - Operators: squeeze / unsqueeze / transpose / cat
    """x = torch.zeros([1, 2, 3])
print(x.shape)
x = x.squeeze(0)
x.shape""",
    """x = torch.zeros([2, 3])
print(x.shape)
x = x.unsqueeze(1)
x.shape""",
    """x = torch.zeros([2, 3])
print(x.shape)
x = x.transpose(0, 1)
x.shape""",
    """x = torch.zeros([2, 1, 3])
y = torch.zeros([2, 3, 3])
z = torch.zeros([2, 2, 3])
w = torch.cat([x, y, z], dim=1)
w.shape""",
    # addition, subtraction, power, summation, mean
    """x = torch.tensor([[1., 2.], [3., 4.]])
y = torch.tensor([[5., 6.], [7., 8.]])
z = x + y
print(z)
z = x - y
print(z)
y = x.pow(2)
print(y)
y = x.sum()
print(y)
y = x.mean()
y""",
    # Data Type
    """print(torch.float, torch.long)
print(torch.tensor([1., 2.]).dtype, torch.tensor([1, 2]).dtype)
print(torch.FloatTensor([1, 2]), torch.LongTensor([1, 2]))
x = torch.zeros([2, 3])
print(x.shape, x.dtype)
print(x.reshape(3, 2).shape, x.view(6).shape)
x.unsqueeze(1).squeeze().shape""",
    # Device
    """x = x.to('cpu')
print(torch.cuda.is_available())
x.device""",
    # Gradient Calculation
    """x = torch.tensor([[1., 0.], [-1., 1.]], requires_grad=True)
z = x.pow(2).sum()
z.backward()
x.grad""",
    # torch.nn - Network Layers
    """layer = torch.nn.Linear(32, 64)
print(layer.weight.shape)
layer.bias.shape""",
    """x = torch.randn(5, 32)
print(layer(x).shape)
print(nn.Sigmoid(), nn.ReLU())
print(nn.Sigmoid()(torch.tensor([-1., 0., 1.])))
nn.ReLU()(torch.tensor([-1., 0., 1.]))""",
    # torch.nn - Build your own neural network
    """class MyModel(nn.Module):
    def __init__(self):
        super(MyModel, self).__init__()
        self.net = nn.Sequential(
            nn.Linear(10, 32),
            nn.Sigmoid(),
            nn.Linear(32, 1)
        )

    def forward(self, x):
        return self.net(x)""",
    """class MyModel(nn.Module):
    def __init__(self):
        super(MyModel, self).__init__()
        self.layer1 = nn.Linear(10, 32)
        self.layer2 = nn.Sigmoid()
        self.layer3 = nn.Linear(32, 1)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = self.layer3(out)
        return out
MyModel()""",
    # Loss Functions
    """criterion = nn.MSELoss()
print(criterion(torch.tensor([1., 2.]), torch.tensor([1.5, 1.])))
criterion = nn.CrossEntropyLoss()
criterion(torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.]]), torch.tensor([1, 2]))""",
    # torch.optim and the loops
    """class MyDataset(Dataset):
    def __init__(self, file):
        self.x = torch.linspace(-1, 1, 40).reshape(4, 10).repeat(4, 1)
        self.y = self.x.sum(dim=1, keepdim=True)

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return len(self.x)""",
    """device = 'cuda' if torch.cuda.is_available() else 'cpu'
n_epochs = 3
dataset = MyDataset('data.csv')
tr_set = DataLoader(dataset, 4, shuffle=True)
model = MyModel().to(device)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum=0)
print(optimizer)""",
    """for epoch in range(n_epochs):
    model.train()
    for x, y in tr_set:
        optimizer.zero_grad()
        x, y = x.to(device), y.to(device)
        pred = model(x)
        loss = criterion(pred, y)
        loss.backward()
        optimizer.step()
    print(epoch, loss.item())""",
    """dv_set = DataLoader(dataset, 8, shuffle=False)
model.eval()
total_loss = 0
for x, y in dv_set:
    x, y = x.to(device), y.to(device)
    with torch.no_grad():
        pred = model(x)
        loss = criterion(pred, y)
    total_loss += loss.cpu().item() * len(x)
avg_loss = total_loss / len(dv_set.dataset)
avg_loss""",
    """tt_set = DataLoader(dataset, 8, shuffle=False)
model.eval()
preds = []
for x, y in tt_set:
    x = x.to(device)
    with torch.no_grad():
        pred = model(x)
        preds.append(pred.cpu())
print(len(preds), preds[0].shape)""",
    """path = 'model.pth'
torch.save(model.state_dict(), path)
ckpt = torch.load(path)
model.load_state_dict(ckpt)""",
]

HW1 = [
    """tr_path = 'covid.train.csv'  # path to training data
tt_path = 'covid.test.csv'   # path to testing data""",
    """# PyTorch
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader

# For data preprocess
import numpy as np
import csv
import os

myseed = 42069  # set a random seed for reproducibility
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
np.random.seed(myseed)
torch.manual_seed(myseed)
if torch.cuda.is_available():
    torch.cuda.manual_seed_all(myseed)""",
    """def get_device():
    ''' Get device (if GPU is available, use GPU) '''
    return 'cuda' if torch.cuda.is_available() else 'cpu'""",
    """class COVID19Dataset(Dataset):
    ''' Dataset for loading and preprocessing the COVID19 dataset '''
    def __init__(self,
                 path,
                 mode='train',
                 target_only=False):
        self.mode = mode

        # Read data into numpy arrays
        with open(path, 'r') as fp:
            data = list(csv.reader(fp))
            data = np.array(data[1:])[:, 1:].astype(float)

        if not target_only:
            feats = list(range(93))
        else:
            # TODO: Using 40 states & 2 tested_positive features (indices = 57 & 75)
            pass

        if mode == 'test':
            # Testing data
            # data: 893 x 93 (40 states + day 1 (18) + day 2 (18) + day 3 (17))
            data = data[:, feats]
            self.data = torch.FloatTensor(data)
        else:
            # Training data (train/dev sets)
            # data: 2700 x 94 (40 states + day 1 (18) + day 2 (18) + day 3 (18))
            target = data[:, -1]
            data = data[:, feats]

            # Splitting training data into train & dev sets
            if mode == 'train':
                indices = [i for i in range(len(data)) if i % 10 != 0]
            elif mode == 'dev':
                indices = [i for i in range(len(data)) if i % 10 == 0]

            # Convert data into PyTorch tensors
            self.data = torch.FloatTensor(data[indices])
            self.target = torch.FloatTensor(target[indices])

        # Normalize features (you may remove this part to see what will happen)
        self.data[:, 40:] = \\
            (self.data[:, 40:] - self.data[:, 40:].mean(dim=0, keepdim=True)) \\
            / self.data[:, 40:].std(dim=0, keepdim=True)

        self.dim = self.data.shape[1]

        print('Finished reading the {} set of COVID19 Dataset ({} samples found, each dim = {})'
              .format(mode, len(self.data), self.dim))

    def __getitem__(self, index):
        # Returns one sample at a time
        if self.mode in ['train', 'dev']:
            # For training
            return self.data[index], self.target[index]
        else:
            # For testing (no target)
            return self.data[index]

    def __len__(self):
        # Returns the size of the dataset
        return len(self.data)""",
    """def prep_dataloader(path, mode, batch_size, n_jobs=0, target_only=False):
    ''' Generates a dataset, then is put into a dataloader. '''
    dataset = COVID19Dataset(path, mode=mode, target_only=target_only)  # Construct dataset
    dataloader = DataLoader(
        dataset, batch_size,
        shuffle=(mode == 'train'), drop_last=False,
        num_workers=n_jobs, pin_memory=True)                            # Construct dataloader
    return dataloader""",
    """class NeuralNet(nn.Module):
    ''' A simple fully-connected deep neural network '''
    def __init__(self, input_dim):
        super(NeuralNet, self).__init__()

        # Define your neural network here
        # TODO: How to modify this model to achieve better performance?
        self.net = nn.Sequential(
            nn.Linear(input_dim, 64),
            nn.ReLU(),
            nn.Linear(64, 1)
        )

        # Mean squared error loss
        self.criterion = nn.MSELoss(reduction='mean')

    def forward(self, x):
        ''' Given input of size (batch_size x input_dim), compute output of the network '''
        return self.net(x).squeeze(1)

    def cal_loss(self, pred, target):
        ''' Calculate loss '''
        # TODO: you may implement L1/L2 regularization here
        return self.criterion(pred, target)""",
    """def train(tr_set, dv_set, model, config, device):
    ''' DNN training '''

    n_epochs = config['n_epochs']  # Maximum number of epochs

    # Setup optimizer
    optimizer = getattr(torch.optim, config['optimizer'])(
        model.parameters(), **config['optim_hparas'])

    min_mse = 1000.
    loss_record = {'train': [], 'dev': []}      # for recording training loss
    early_stop_cnt = 0
    epoch = 0
    while epoch < n_epochs:
        model.train()                           # set model to training mode
        for x, y in tr_set:                     # iterate through the dataloader
            optimizer.zero_grad()               # set gradient to zero
            x, y = x.to(device), y.to(device)   # move data to device (cpu/cuda)
            pred = model(x)                     # forward pass (compute output)
            mse_loss = model.cal_loss(pred, y)  # compute loss
            mse_loss.backward()                 # compute gradient (backpropagation)
            optimizer.step()                    # update model with optimizer
            loss_record['train'].append(mse_loss.detach().cpu().item())

        # After each epoch, test your model on the validation (development) set.
        dev_mse = dev(dv_set, model, device)
        if dev_mse < min_mse:
            # Save model if your model improved
            min_mse = dev_mse
            print('Saving model (epoch = {:4d}, loss = {:.4f})'
                .format(epoch + 1, min_mse))
            torch.save(model.state_dict(), config['save_path'])  # Save model to specified path
            early_stop_cnt = 0
        else:
            early_stop_cnt += 1

        epoch += 1
        loss_record['dev'].append(dev_mse)
        if early_stop_cnt > config['early_stop']:
            # Stop training if your model stops improving for "config['early_stop']" epochs.
            break

    print('Finished training after {} epochs'.format(epoch))
    return min_mse, loss_record""",
    """def dev(dv_set, model, device):
    model.eval()                                # set model to evalutation mode
    total_loss = 0
    for x, y in dv_set:                         # iterate through the dataloader
        x, y = x.to(device), y.to(device)       # move data to device (cpu/cuda)
        with torch.no_grad():                   # disable gradient calculation
            pred = model(x)                     # forward pass (compute output)
            mse_loss = model.cal_loss(pred, y)  # compute loss
        total_loss += mse_loss.detach().cpu().item() * len(x)  # accumulate loss
    total_loss = total_loss / len(dv_set.dataset)              # compute averaged loss

    return total_loss""",
    """def test(tt_set, model, device):
    model.eval()                                # set model to evalutation mode
    preds = []
    for x in tt_set:                            # iterate through the dataloader
        x = x.to(device)                        # move data to device (cpu/cuda)
        with torch.no_grad():                   # disable gradient calculation
            pred = model(x)                     # forward pass (compute output)
            preds.append(pred.detach().cpu())   # collect prediction
    preds = torch.cat(preds, dim=0).numpy()     # concatenate all predictions and convert to a numpy array
    return preds""",
    """device = get_device()                 # get the current available device ('cpu' or 'cuda')
os.makedirs('models', exist_ok=True)  # The trained model will be saved to ./models/
target_only = False                   # TODO: Using 40 states & 2 tested_positive features

# TODO: How to tune these hyper-parameters to improve your model's performance?
config = {
    'n_epochs': 30,                  # maximum number of epochs
    'batch_size': 270,               # mini-batch size for dataloader
    'optimizer': 'SGD',              # optimization algorithm (optimizer in torch.optim)
    'optim_hparas': {                # hyper-parameters for the optimizer (depends on which optimizer you are using)
        'lr': 0.001,                 # learning rate of SGD
        'momentum': 0.9              # momentum for SGD
    },
    'early_stop': 5,                 # early stopping epochs (the number epochs since your model's last improvement)
    'save_path': 'models/model.pth'  # your model will be saved here
}""",
    """tr_set = prep_dataloader(tr_path, 'train', config['batch_size'], target_only=target_only)
dv_set = prep_dataloader(tr_path, 'dev', config['batch_size'], target_only=target_only)
tt_set = prep_dataloader(tt_path, 'test', config['batch_size'], target_only=target_only)""",
    """model = NeuralNet(tr_set.dataset.dim).to(device)  # Construct model and move to device""",
    """model_loss, model_loss_record = train(tr_set, dv_set, model, config, device)""",
    """print(model_loss, len(model_loss_record['train']), len(model_loss_record['dev']))""",
    """del model
model = NeuralNet(tr_set.dataset.dim).to(device)
ckpt = torch.load(config['save_path'], map_location='cpu')  # Load your best model
model.load_state_dict(ckpt)""",
    """def save_pred(preds, file):
    ''' Save predictions to specified file '''
    print('Saving results to {}'.format(file))
    with open(file, 'w') as fp:
        writer = csv.writer(fp)
        writer.writerow(['id', 'tested_positive'])
        for i, p in enumerate(preds):
            writer.writerow([i, p])

preds = test(tt_set, model, device)  # predict COVID-19 cases with your model
save_pred(preds, 'pred.csv')         # save prediction file to pred.csv""",
    """print(open('pred.csv').read())""",
]

HW1_2022 = [
    """# Numerical Operations
import math
import numpy as np

# Reading/Writing Data
import os
import csv

# Pytorch
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader, random_split""",
    """def same_seed(seed):
    '''Fixes random number generator seeds for reproducibility.'''
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)

def train_valid_split(data_set, valid_ratio, seed):
    '''Split provided training data into training set and validation set'''
    valid_set_size = int(valid_ratio * len(data_set))
    train_set_size = len(data_set) - valid_set_size
    train_set, valid_set = random_split(data_set, [train_set_size, valid_set_size], generator=torch.Generator().manual_seed(seed))
    return np.array(train_set), np.array(valid_set)

def predict(test_loader, model, device):
    model.eval() # Set your model to evaluation mode.
    preds = []
    for x in test_loader:
        x = x.to(device)
        with torch.no_grad():
            pred = model(x)
            preds.append(pred.detach().cpu())
    preds = torch.cat(preds, dim=0).numpy()
    return preds""",
    """class COVID19Dataset(Dataset):
    '''
    x: Features.
    y: Targets, if none, do prediction.
    '''
    def __init__(self, x, y=None):
        if y is None:
            self.y = y
        else:
            self.y = torch.FloatTensor(y)
        self.x = torch.FloatTensor(x)

    def __getitem__(self, idx):
        if self.y is None:
            return self.x[idx]
        else:
            return self.x[idx], self.y[idx]

    def __len__(self):
        return len(self.x)""",
    """class My_Model(nn.Module):
    def __init__(self, input_dim):
        super(My_Model, self).__init__()
        # TODO: modify model's structure, be aware of dimensions.
        self.layers = nn.Sequential(
            nn.Linear(input_dim, 16),
            nn.ReLU(),
            nn.Linear(16, 8),
            nn.ReLU(),
            nn.Linear(8, 1)
        )

    def forward(self, x):
        x = self.layers(x)
        x = x.squeeze(1) # (B, 1) -> (B)
        return x""",
    """def select_feat(train_data, valid_data, test_data, select_all=True):
    '''Selects useful features to perform regression'''
    y_train, y_valid = train_data[:,-1], valid_data[:,-1]
    raw_x_train, raw_x_valid, raw_x_test = train_data[:,:-1], valid_data[:,:-1], test_data

    if select_all:
        feat_idx = list(range(raw_x_train.shape[1]))
    else:
        feat_idx = [0,1,2,3,4] # TODO: Select suitable feature columns.

    return raw_x_train[:,feat_idx], raw_x_valid[:,feat_idx], raw_x_test[:,feat_idx], y_train, y_valid""",
    """def trainer(train_loader, valid_loader, model, config, device):

    criterion = nn.MSELoss(reduction='mean') # Define your loss function, do not modify this.

    # Define your optimization algorithm.
    # TODO: Please check https://pytorch.org/docs/stable/optim.html to get more available algorithms.
    # TODO: L2 regularization (optimizer(weight decay...) or implement by your self).
    optimizer = torch.optim.SGD(model.parameters(), lr=config['learning_rate'], momentum=0.9)

    if not os.path.isdir('./models'):
        os.mkdir('./models') # Create directory of saving models.

    n_epochs, best_loss, step, early_stop_count = config['n_epochs'], math.inf, 0, 0

    for epoch in range(n_epochs):
        model.train() # Set your model to train mode.
        loss_record = []

        for x, y in train_loader:
            optimizer.zero_grad()               # Set gradient to zero.
            x, y = x.to(device), y.to(device)   # Move your data to device.
            pred = model(x)
            loss = criterion(pred, y)
            loss.backward()                     # Compute gradient(backpropagation).
            optimizer.step()                    # Update parameters.
            step += 1
            loss_record.append(loss.detach().item())

        mean_train_loss = sum(loss_record)/len(loss_record)

        model.eval() # Set your model to evaluation mode.
        loss_record = []
        for x, y in valid_loader:
            x, y = x.to(device), y.to(device)
            with torch.no_grad():
                pred = model(x)
                loss = criterion(pred, y)

            loss_record.append(loss.item())

        mean_valid_loss = sum(loss_record)/len(loss_record)
        print(f'Epoch [{epoch+1}/{n_epochs}]: Train loss: {mean_train_loss:.4f}, Valid loss: {mean_valid_loss:.4f}')

        if mean_valid_loss < best_loss:
            best_loss = mean_valid_loss
            torch.save(model.state_dict(), config['save_path']) # Save your best model
            print('Saving model with loss {:.3f}...'.format(best_loss))
            early_stop_count = 0
        else:
            early_stop_count += 1

        if early_stop_count >= config['early_stop']:
            print('\\nModel is not improving, so we halt the training session.')
            return""",
    """device = 'cuda' if torch.cuda.is_available() else 'cpu'
config = {
    'seed': 5201314,      # Your seed number, you can pick your lucky number. :)
    'select_all': True,   # Whether to use all features.
    'valid_ratio': 0.2,   # validation_size = train_size * valid_ratio
    'n_epochs': 12,       # Number of epochs.
    'batch_size': 16,
    'learning_rate': 1e-5,
    'early_stop': 3,      # If model has not improved for this many consecutive epochs, stop training.
    'save_path': './models/model.ckpt'  # Your model will be saved here.
}""",
    """# Set seed for reproducibility
same_seed(config['seed'])


# train_data size: 2699 x 118 (id + 37 states + 16 features x 5 days)
# test_data size: 1078 x 117 (without last day's positive rate)
train_data, test_data = read_csv('./covid.train.csv'), read_csv('./covid.test.csv')
train_data, valid_data = train_valid_split(train_data, config['valid_ratio'], config['seed'])

# Print out the data size.
print(f'''train_data size: {train_data.shape}
valid_data size: {valid_data.shape}
test_data size: {test_data.shape}''')

# Select features
x_train, x_valid, x_test, y_train, y_valid = select_feat(train_data, valid_data, test_data, config['select_all'])

# Print out the number of features.
print(f'number of features: {x_train.shape[1]}')

train_dataset, valid_dataset, test_dataset = COVID19Dataset(x_train, y_train), \
                                            COVID19Dataset(x_valid, y_valid), \
                                            COVID19Dataset(x_test)

# Pytorch data loader loads pytorch dataset into batches.
train_loader = DataLoader(train_dataset, batch_size=config['batch_size'], shuffle=True, pin_memory=True)
valid_loader = DataLoader(valid_dataset, batch_size=config['batch_size'], shuffle=True, pin_memory=True)
test_loader = DataLoader(test_dataset, batch_size=config['batch_size'], shuffle=False, pin_memory=True)""",
    """model = My_Model(input_dim=x_train.shape[1]).to(device) # put your model and data on the same computation device.
trainer(train_loader, valid_loader, model, config, device)""",
    """def save_pred(preds, file):
    ''' Save predictions to specified file '''
    with open(file, 'w') as fp:
        writer = csv.writer(fp)
        writer.writerow(['id', 'tested_positive'])
        for i, p in enumerate(preds):
            writer.writerow([i, p])

model = My_Model(input_dim=x_train.shape[1]).to(device)
model.load_state_dict(torch.load(config['save_path']))
preds = predict(test_loader, model, device)
save_pred(preds, 'pred.csv')""",
    """print(open('pred.csv').read())""",
]

# pandas is not installed beside this PyTorch: `pd.read_csv(path).values` is NumPy's read of the same
# file (the header row dropped, every column a float64, the id column kept, as pandas' .values has it).
READ_CSV = """def read_csv(path):
    with open(path) as fp:
        return np.array(list(csv.reader(fp))[1:]).astype(float)"""


def main():
    cwd = os.getcwd()
    write_data()
    out = {"hylee": run_cells([SETUP] + TUTORIAL + HW1 + [READ_CSV] + HW1_2022)}
    os.chdir(cwd)
    write_json(out, "hylee.json")


if __name__ == "__main__":
    main()

/**
 * udacity/deep-learning-v2-pytorch, intro-to-pytorch Parts 1-8 (the Solution notebooks, helper.py's
 * and fc_model.py's code), as torchlab notebook cells in the notebook dialect a student writes:
 * classes called without `new`, untyped parameters, attributes assigned in constructors. See
 * udacity.test.ts for the stand-ins and what is left out; test/reference/gen_udacity.py is the same
 * cells in PyTorch. What a cell displays as its value is printed with console.log.
 */

/** Python's iter() / next() as a student defines them once (typed, so batches keep their types). */
const ITER_NEXT = `function iter<T>(x: Iterable<T>): Iterator<T> { return x[Symbol.iterator](); }
function next<T>(it: Iterator<T>): T { return it.next().value as T; }
const { len } = torch.utils.data;`;

/** The MNIST / FashionMNIST download, as torchvision's FakeData of the same layout (seeded). */
function fakeMnist(train: number, test: number | null): string {
  return `const { datasets } = torchvision;
// Define a transform to normalize the data
const transform = transforms.Compose([transforms.ToTensor(),
                                      transforms.Normalize([0.5], [0.5])]);
// Download and load the training data
const trainset = datasets.FakeData({size: ${train}, image_size: [1, 28, 28], num_classes: 10, transform: transform});
const trainloader = torch.utils.data.DataLoader(trainset, {batch_size: 64, shuffle: true});${
    test === null
      ? ""
      : `
// Download and load the test data
const testset = datasets.FakeData({size: ${test}, image_size: [1, 28, 28], num_classes: 10, transform: transform, random_offset: ${train}});
const testloader = torch.utils.data.DataLoader(testset, {batch_size: 64, shuffle: true});`
  }`;
}

/** Part 1 - Tensors in PyTorch. */
export const PART1: string[] = [
  `// First, import PyTorch: the prelude's torch
function activation(x) {
    /* Sigmoid activation function

        Arguments
        ---------
        x: torch.Tensor
    */
    return 1/(1+torch.exp(-x));
}`,
  `// Generate some data
torch.manual_seed(7); // Set the random seed so things are predictable

// Features are 5 random normal variables
let features = torch.randn([1, 5]);
// True weights for our data, random normal variables again
let weights = torch.randn_like(features);
// and a true bias term
let bias = torch.randn([1, 1]);`,
  `// Now, make our labels from our data and true weights
let y = activation(torch.sum(features * weights) + bias);
console.log(y);
y = activation((features * weights).sum() + bias);
console.log(y);`,
  `y = activation(torch.mm(features, weights.view(5,1)) + bias);
console.log(y);`,
  `// Generate some data
torch.manual_seed(7); // Set the random seed so things are predictable

// Features are 3 random normal variables
features = torch.randn([1, 3]);

// Define the size of each layer in our network
const n_input = features.shape[1];     // Number of input units, must match number of input features
const n_hidden = 2;                    // Number of hidden units
const n_output = 1;                    // Number of output units

// Weights for inputs to hidden layer
const W1 = torch.randn(n_input, n_hidden);
// Weights for hidden layer to output layer
const W2 = torch.randn(n_hidden, n_output);

// and bias terms for hidden and output layers
const B1 = torch.randn([1, n_hidden]);
const B2 = torch.randn([1, n_output]);`,
  `const h = activation(torch.mm(features, W1) + B1);
const output = activation(torch.mm(h, W2) + B2);
console.log(output);`,
];

/** Part 2 - Neural Networks in PyTorch. */
export const PART2: string[] = [
  `torch.manual_seed(0);
${ITER_NEXT}`,
  fakeMnist(128, null),
  `let dataiter = iter(trainloader);
let [images, labels] = next(dataiter);
console.log(images.shape);
console.log(labels.shape);`,
  `function activation(x) {
    return 1/(1+torch.exp(-x));
}

// Flatten the input images
const inputs = images.view(images.shape[0], -1);

// Create parameters
const w1 = torch.randn(784, 256);
const b1 = torch.randn(256);

const w2 = torch.randn(256, 10);
const b2 = torch.randn(10);

const h = activation(torch.mm(inputs, w1) + b1);

const out = activation(torch.mm(h, w2) + b2);`,
  `function softmax(x) {
    return torch.exp(x)/torch.sum(torch.exp(x), {dim: 1}).view(-1, 1);
}

const probabilities = softmax(out);

// Does it have the right shape? Should be (64, 10)
console.log(probabilities.shape);
// Does it sum to 1?
console.log(probabilities.sum({dim: 1}));`,
  `class Network extends nn.Module {
    constructor() {
        super();

        // Inputs to hidden layer linear transformation
        this.hidden = nn.Linear(784, 256);
        // Output layer, 10 units - one for each digit
        this.output = nn.Linear(256, 10);

        // Define sigmoid activation and softmax output
        this.sigmoid = nn.Sigmoid();
        this.softmax = nn.Softmax({dim: 1});
    }

    forward(x) {
        // Pass the input tensor through each of our operations
        x = this.hidden(x);
        x = this.sigmoid(x);
        x = this.output(x);
        x = this.softmax(x);

        return x;
    }
}`,
  `// Create the network and look at its text representation
let model = Network();
console.log(model);`,
  `class Network extends nn.Module {
    constructor() {
        super();
        // Inputs to hidden layer linear transformation
        this.hidden = nn.Linear(784, 256);
        // Output layer, 10 units - one for each digit
        this.output = nn.Linear(256, 10);
    }

    forward(x) {
        // Hidden layer with sigmoid activation
        x = F.sigmoid(this.hidden(x));
        // Output layer with softmax activation
        x = F.softmax(this.output(x), {dim: 1});

        return x;
    }
}
let model = Network();
console.log(model);`,
  `class Network extends nn.Module {
    constructor() {
        super();
        // Defining the layers, 128, 64, 10 units each
        this.fc1 = nn.Linear(784, 128);
        this.fc2 = nn.Linear(128, 64);
        // Output layer, 10 units - one for each digit
        this.fc3 = nn.Linear(64, 10);
    }

    forward(x) {
        /* Forward pass through the network, returns the output logits */

        x = this.fc1(x);
        x = F.relu(x);
        x = this.fc2(x);
        x = F.relu(x);
        x = this.fc3(x);
        x = F.softmax(x, {dim: 1});

        return x;
    }
}

let model = Network();
console.log(model);`,
  `console.log(model.fc1.weight);
console.log(model.fc1.bias);`,
  `// Set biases to all zeros
console.log(model.fc1.bias.data.fill_(0));`,
  `// sample from random normal with standard dev = 0.01
console.log(model.fc1.weight.data.normal_({std: 0.01}));`,
  `// Grab some data
dataiter = iter(trainloader);
[images, labels] = next(dataiter);

// Resize images into a 1D vector, new shape is (batch size, color channels, image pixels)
images.resize_(64, 1, 784);
// or images.resize_(images.shape[0], 1, 784) to automatically get batch size

// Forward pass through the network
const img_idx = 0;
let ps = model.forward(images[img_idx, ":"]);

const img = images[img_idx];
console.log(img.view(1, 28, 28).shape, ps);`,
  `// Hyperparameters for our network
const input_size = 784;
const hidden_sizes = [128, 64];
const output_size = 10;

// Build a feed-forward network
let seq = nn.Sequential(nn.Linear(input_size, hidden_sizes[0]),
                        nn.ReLU(),
                        nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                        nn.ReLU(),
                        nn.Linear(hidden_sizes[1], output_size),
                        nn.Softmax({dim: 1}));
console.log(seq);

// Forward pass through the network and display output
[images, labels] = next(iter(trainloader));
images.resize_(images.shape[0], 1, 784);
ps = seq.forward(images["0, :"]);
console.log(ps);`,
  `console.log(seq[0]);
console.log(seq[0].weight);`,
  `seq = nn.Sequential({  // OrderedDict([(name, module), ...])
                      fc1: nn.Linear(input_size, hidden_sizes[0]),
                      relu1: nn.ReLU(),
                      fc2: nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                      relu2: nn.ReLU(),
                      output: nn.Linear(hidden_sizes[1], output_size),
                      softmax: nn.Softmax({dim: 1})});
console.log(seq);`,
  `console.log(seq[0]);
console.log(seq.get_submodule('fc1'));  // seq.fc1: a Sequential's named children are not typed`,
];

/** Part 3 - Training Neural Networks (2 epochs over 2 batches instead of 5 over MNIST). */
export const PART3: string[] = [
  `torch.manual_seed(0);
${ITER_NEXT}
const { nn } = torch;
const F = torch.nn.functional;`,
  fakeMnist(128, null),
  `// Build a feed-forward network
let model = nn.Sequential(nn.Linear(784, 128),
                          nn.ReLU(),
                          nn.Linear(128, 64),
                          nn.ReLU(),
                          nn.Linear(64, 10));

// Define the loss
let criterion = nn.CrossEntropyLoss();

// Get our data
let [images, labels] = next(iter(trainloader));
// Flatten images
images = images.view(images.shape[0], -1);

// Forward pass, get our logits
const logits = model(images);
// Calculate the loss with the logits and the labels
let loss = criterion(logits, labels);

console.log(loss);`,
  `// Build a feed-forward network
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax({dim: 1}));

// Define the loss
let criterion2 = nn.NLLLoss();

// Get our data
[images, labels] = next(iter(trainloader));
// Flatten images
images = images.view(images.shape[0], -1);

// Forward pass, get our log-probabilities
let logps = model(images);
// Calculate the loss with the logps and the labels
loss = criterion2(logps, labels);

console.log(loss);`,
  `const x = torch.randn(2,2, {requires_grad: true});
console.log(x);`,
  `const y = x**2;
console.log(y);`,
  `// grad_fn shows the function that generated this variable
console.log(y.grad_fn);`,
  `const z = y.mean();
console.log(z);`,
  `console.log(x.grad);`,
  `z.backward();
console.log(x.grad);
console.log(x/2);`,
  `// Build a feed-forward network
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax({dim: 1}));

criterion2 = nn.NLLLoss();
[images, labels] = next(iter(trainloader));
images = images.view(images.shape[0], -1);

logps = model(images);
loss = criterion2(logps, labels);`,
  `console.log('Before backward pass: \\n', model[0].weight.grad);

loss.backward();

console.log('After backward pass: \\n', model[0].weight.grad);`,
  `const { optim } = torch;

// Optimizers require the parameters to optimize and a learning rate
let optimizer = optim.SGD(model.parameters(), {lr: 0.01});`,
  `console.log('Initial weights - ', model[0].weight);

[images, labels] = next(iter(trainloader));
images.resize_(64, 784);

// Clear the gradients, do this because gradients are accumulated
optimizer.zero_grad();

// Forward pass, then backward pass, then update weights
let output = model(images);
loss = criterion2(output, labels);
loss.backward();
console.log('Gradient -', model[0].weight.grad);`,
  `// Take an update step and few the new weights
optimizer.step();
console.log('Updated weights - ', model[0].weight);`,
  `model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax({dim: 1}));

criterion2 = nn.NLLLoss();
optimizer = optim.SGD(model.parameters(), {lr: 0.003});

const epochs = 2;
for (let e = 0; e < epochs; e++) {
    let running_loss = 0;
    for (let [images, labels] of trainloader) {
        // Flatten MNIST images into a 784 long vector
        images = images.view(images.shape[0], -1);

        // TODO: Training pass
        optimizer.zero_grad();

        const output = model(images);
        const loss = criterion2(output, labels);
        loss.backward();
        optimizer.step();

        running_loss += loss.item();
    }
    console.log(\`Training loss: \${running_loss/len(trainloader)}\`);
}`,
  `[images, labels] = next(iter(trainloader));

const img = images[0].view(1, 784);
// Turn off gradients to speed up this part
torch.no_grad(() => {
    logps = model(img);
});

// Output of the network are log-probabilities, need to take exponential for probabilities
const ps = torch.exp(logps);
console.log(ps);`,
];

/** The Classifier of Parts 4 and 5. */
const CLASSIFIER = `class Classifier extends nn.Module {
    constructor() {
        super();
        this.fc1 = nn.Linear(784, 256);
        this.fc2 = nn.Linear(256, 128);
        this.fc3 = nn.Linear(128, 64);
        this.fc4 = nn.Linear(64, 10);
    }

    forward(x) {
        // make sure input tensor is flattened
        x = x.view(x.shape[0], -1);

        x = F.relu(this.fc1(x));
        x = F.relu(this.fc2(x));
        x = F.relu(this.fc3(x));
        x = F.log_softmax(this.fc4(x), {dim: 1});

        return x;
    }
}`;

/** Part 4 - Fashion-MNIST (FakeData; 2 epochs of 2 batches). */
export const PART4: string[] = [
  `torch.manual_seed(0);
${ITER_NEXT}`,
  fakeMnist(128, 64),
  `let [image, label] = next(iter(trainloader));
console.log(image["0,:"].shape, image["0,:"].mean());`,
  `// from torch import nn, optim; import torch.nn.functional as F: the prelude's`,
  CLASSIFIER,
  `// TODO: Create the network, define the criterion and optimizer
let model = Classifier();
const criterion = nn.NLLLoss();
const optimizer = optim.Adam(model.parameters(), {lr: 0.003});`,
  `// TODO: Train the network here
const epochs = 2;

for (let e = 0; e < epochs; e++) {
    let running_loss = 0;
    for (const [images, labels] of trainloader) {
        const log_ps = model(images);
        const loss = criterion(log_ps, labels);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        running_loss += loss.item();
    }
    console.log(\`Training loss: \${running_loss/len(trainloader)}\`);
}`,
  `// Test out your network!

const dataiter = iter(testloader);
const [images, labels] = next(dataiter);
const img = images[1];

// TODO: Calculate the class probabilities (softmax) for img
const ps = torch.exp(model(img));
console.log(ps);`,
];

/** Part 5 - Inference and Validation (2 epochs instead of 30). */
export const PART5: string[] = [
  `torch.manual_seed(0);
${ITER_NEXT}`,
  fakeMnist(128, 128),
  CLASSIFIER,
  `let model = Classifier();

let [images, labels] = next(iter(testloader));
// Get the class probabilities
let ps = torch.exp(model(images));
// Make sure the shape is appropriate, we should get 10 class probabilities for 64 examples
console.log(ps.shape);`,
  `let [top_p, top_class] = ps.topk(1, {dim: 1});
// Look at the most likely classes for the first 10 examples
console.log(top_class[":10,:"]);`,
  `let equals = top_class == labels.view(...top_class.shape);
console.log(equals.shape);`,
  `let accuracy = torch.mean(equals.type(torch.FloatTensor));
console.log(\`Accuracy: \${accuracy.item()*100}%\`);`,
  `model = Classifier();
let criterion = nn.NLLLoss({reduction: 'sum'});
let optimizer = optim.Adam(model.parameters(), {lr: 0.003});

let epochs = 2;

let train_losses = [], test_losses = [];
for (let e = 0; e < epochs; e++) {
    let tot_train_loss = 0;
    for (const [images, labels] of trainloader) {
        optimizer.zero_grad();

        const log_ps = model(images);
        const loss = criterion(log_ps, labels);
        tot_train_loss += loss.item();

        loss.backward();
        optimizer.step();
    }
    let tot_test_loss = 0;
    let test_correct = 0;  // Number of correct predictions on the test set

    // Turn off gradients for validation, saves memory and computations
    torch.no_grad(() => {
        for (const [images, labels] of testloader) {
            const log_ps = model(images);
            const loss = criterion(log_ps, labels);
            tot_test_loss += loss.item();

            const ps = torch.exp(log_ps);
            const [top_p, top_class] = ps.topk(1, {dim: 1});
            const equals = top_class == labels.view(...top_class.shape);
            test_correct += equals.sum().item();
        }
    });

    // Get mean loss to enable comparison between train and test sets
    const train_loss = tot_train_loss / len(trainloader.dataset);
    const test_loss = tot_test_loss / len(testloader.dataset);

    // At completion of epoch
    train_losses.push(train_loss);
    test_losses.push(test_loss);

    console.log(\`Epoch: \${e+1}/\${epochs}.. \`,
                \`Training Loss: \${train_loss.toFixed(3)}.. \`,
                \`Test Loss: \${test_loss.toFixed(3)}.. \`,
                \`Test Accuracy: \${(test_correct / len(testloader.dataset)).toFixed(3)}\`);
}`,
  `class Classifier extends nn.Module {
    constructor() {
        super();
        this.fc1 = nn.Linear(784, 256);
        this.fc2 = nn.Linear(256, 128);
        this.fc3 = nn.Linear(128, 64);
        this.fc4 = nn.Linear(64, 10);

        // Dropout module with 0.2 drop probability
        this.dropout = nn.Dropout({p: 0.2});
    }

    forward(x) {
        // make sure input tensor is flattened
        x = x.view(x.shape[0], -1);

        // Now with dropout
        x = this.dropout(F.relu(this.fc1(x)));
        x = this.dropout(F.relu(this.fc2(x)));
        x = this.dropout(F.relu(this.fc3(x)));

        // output so no dropout here
        x = F.log_softmax(this.fc4(x), {dim: 1});

        return x;
    }
}`,
  `let model = Classifier();
criterion = nn.NLLLoss();
optimizer = optim.Adam(model.parameters(), {lr: 0.003});

epochs = 2;
let steps = 0;

train_losses = [], test_losses = [];
for (let e = 0; e < epochs; e++) {
    let running_loss = 0;
    for (const [images, labels] of trainloader) {

        optimizer.zero_grad();

        const log_ps = model(images);
        const loss = criterion(log_ps, labels);
        loss.backward();
        optimizer.step();

        running_loss += loss.item();
    }
    let test_loss = 0;
    let accuracy = 0;

    // Turn off gradients for validation, saves memory and computations
    torch.no_grad(() => {
        model.eval();
        for (const [images, labels] of testloader) {
            const log_ps = model(images);
            test_loss += criterion(log_ps, labels);

            const ps = torch.exp(log_ps);
            const [top_p, top_class] = ps.topk(1, {dim: 1});
            const equals = top_class == labels.view(...top_class.shape);
            accuracy += torch.mean(equals.type(torch.FloatTensor));
        }
    });

    model.train();

    train_losses.push(running_loss/len(trainloader));
    test_losses.push(test_loss/len(testloader));

    console.log(\`Epoch: \${e+1}/\${epochs}.. \`,
                \`Training Loss: \${train_losses[train_losses.length-1].toFixed(3)}.. \`,
                \`Test Loss: \${Number(test_losses[test_losses.length-1]).toFixed(3)}.. \`,  // a tensor: "{:.3f}".format(t)
                \`Test Accuracy: \${Number(accuracy/len(testloader)).toFixed(3)}\`);
}`,
  `// Test out your network!

model.eval();

const dataiter = iter(testloader);
[images, labels] = next(dataiter);
let img = images[0];
// Convert 2D image to 1D vector
img = img.view(1, 784);

// Calculate the class probabilities (softmax) for img
let output;
torch.no_grad(() => {
    output = model.forward(img);
});

ps = torch.exp(output);
console.log(ps);`,
];

/** fc_model.py, as a cell (a student's own module). */
const FC_MODEL = `// fc_model.py
class Network extends nn.Module {
    constructor(input_size, output_size, hidden_layers, drop_p=0.5) {
        /* Builds a feedforward network with arbitrary hidden layers.

            Arguments
            ---------
            input_size: integer, size of the input layer
            output_size: integer, size of the output layer
            hidden_layers: list of integers, the sizes of the hidden layers
        */
        super();
        // Input to a hidden layer
        this.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])]);

        // Add a variable number of more hidden layers
        const layer_sizes = hidden_layers.slice(0, -1).map((h1, i) => [h1, hidden_layers.slice(1)[i]]);  // zip
        this.hidden_layers.extend(layer_sizes.map(([h1, h2]) => nn.Linear(h1, h2)));

        this.output = nn.Linear(hidden_layers[hidden_layers.length - 1], output_size);

        this.dropout = nn.Dropout({p: drop_p});
    }

    forward(x) {
        /* Forward pass through the network, returns the output logits */

        for (const each of this.hidden_layers) {
            x = F.relu(each(x));
            x = this.dropout(x);
        }
        x = this.output(x);

        return F.log_softmax(x, {dim: 1});
    }
}


function validation(model, testloader, criterion) {
    let accuracy = 0;
    let test_loss = 0;
    for (let [images, labels] of testloader) {

        images = images.resize_(images.size()[0], 784);

        const output = model.forward(images);
        test_loss += criterion(output, labels).item();

        // Calculating the accuracy
        // Model's output is log-softmax, take exponential to get the probabilities
        const ps = torch.exp(output);
        // Class with highest probability is our predicted class, compare with true label
        const equality = (labels.data == ps.max(1)[1]);
        // Accuracy is number of correct predictions divided by all predictions, just take the mean
        accuracy += equality.type_as(torch.FloatTensor()).mean();
    }
    return [test_loss, accuracy];
}


function train(model, trainloader, testloader, criterion, optimizer, epochs=5, print_every=40) {

    let steps = 0;
    let running_loss = 0;
    for (let e = 0; e < epochs; e++) {
        // Model in training mode, dropout is on
        model.train();
        for (const [images, labels] of trainloader) {
            steps += 1;

            // Flatten images into a 784 long vector
            images.resize_(images.size()[0], 784);

            optimizer.zero_grad();

            const output = model.forward(images);
            const loss = criterion(output, labels);
            loss.backward();
            optimizer.step();

            running_loss += loss.item();

            if (steps % print_every == 0) {
                // Model in inference mode, dropout is off
                model.eval();

                // Turn off gradients for validation, will speed up inference
                const [test_loss, accuracy] = torch.no_grad(() => validation(model, testloader, criterion));

                console.log(\`Epoch: \${e+1}/\${epochs}.. \`,
                            \`Training Loss: \${(running_loss/print_every).toFixed(3)}.. \`,
                            \`Test Loss: \${(test_loss/len(testloader)).toFixed(3)}.. \`,
                            \`Test Accuracy: \${Number(accuracy/len(testloader)).toFixed(3)}\`);

                running_loss = 0;

                // Make sure dropout and grads are on for training
                model.train();
            }
        }
    }
}
const fc_model = { Network, validation, train };`;

/** Part 6 - Saving and Loading Models (2 epochs of 3 batches, printing every 2 steps). */
export function part6(dir: string): string[] {
  return [
    `torch.manual_seed(0);
${ITER_NEXT}`,
    FC_MODEL,
    fakeMnist(192, 64),
    `let [image, label] = next(iter(trainloader));
console.log(image["0,:"].shape);`,
    `// Create the network, define the criterion and optimizer

let model = fc_model.Network(784, 10, [512, 256, 128]);
const criterion = nn.NLLLoss();
const optimizer = optim.Adam(model.parameters(), {lr: 0.001});`,
    `fc_model.train(model, trainloader, testloader, criterion, optimizer, 2, 2);`,
    `console.log("Our model: \\n\\n", model, '\\n');
console.log("The state dict keys: \\n\\n", JSON.stringify(Object.keys(model.state_dict())));`,
    `torch.save(model.state_dict(), '${dir}/checkpoint.pth');`,
    `let state_dict = torch.load('${dir}/checkpoint.pth');
console.log(JSON.stringify(Object.keys(state_dict)));`,
    `console.log(model.load_state_dict(state_dict));`,
    `// Try this
model = fc_model.Network(784, 10, [400, 200, 100]);
// This will throw an error because the tensor sizes are wrong!
try {
    model.load_state_dict(state_dict);
} catch (e) {
    console.log(e.name + ": " + e.message);
}`,
    `let checkpoint = {'input_size': 784,
                  'output_size': 10,
                  'hidden_layers': [...model.hidden_layers].map((each) => each.out_features),
                  'state_dict': model.state_dict()};

torch.save(checkpoint, '${dir}/checkpoint.pth');`,
    `function load_checkpoint(filepath) {
    const checkpoint = torch.load(filepath);
    const model = fc_model.Network(checkpoint['input_size'],
                                   checkpoint['output_size'],
                                   checkpoint['hidden_layers']);
    model.load_state_dict(checkpoint['state_dict']);

    return model;
}`,
    `model = load_checkpoint('${dir}/checkpoint.pth');
console.log(model);`,
  ];
}

/**
 * The Cat_Dog_data download as a student would fake it: seeded random PNGs of a few sizes in
 * ImageFolder's layout (train: 4 cats, 4 dogs; test: 2 of each).
 */
function catDogData(dir: string): string {
  return `import * as fs from "fs";
torch.manual_seed(0);
const to_pil = transforms.ToPILImage();
const sizes = [[40, 52], [48, 48], [56, 44], [45, 60]];
for (const [split, n] of [['train', 4], ['test', 2]] as [string, number][]) {
    for (const cls of ['cat', 'dog']) {
        fs.mkdirSync(\`${dir}/Cat_Dog_data/\${split}/\${cls}\`, {recursive: true});
        for (let i = 0; i < n; i++) {
            const [h, w] = sizes[i];
            to_pil(torch.rand(3, h, w)).save(\`${dir}/Cat_Dog_data/\${split}/\${cls}/\${cls}.\${i}.png\`);
        }
    }
}`;
}

/** Part 7 - Loading Image Data (Resize 255 / crops 224 scaled to 40 / 32). */
export function part7(dir: string): string[] {
  return [
    catDogData(dir),
    `${ITER_NEXT}
const { datasets } = torchvision;`,
    `let data_dir = '${dir}/Cat_Dog_data/train';

const transform = transforms.Compose([transforms.Resize(40),
                                      transforms.CenterCrop(32),
                                      transforms.ToTensor()]);
const dataset = datasets.ImageFolder(data_dir, {transform: transform});
const dataloader = torch.utils.data.DataLoader(dataset, {batch_size: 32, shuffle: true});`,
    `// Run this to test your data loader
let [images, labels] = next(iter(dataloader));
console.log(images.shape, labels);
console.log(images.mean([1, 2, 3]));`,
    `data_dir = '${dir}/Cat_Dog_data';

// TODO: Define transforms for the training data and testing data
const train_transforms = transforms.Compose([transforms.RandomRotation(30),
                                             transforms.RandomResizedCrop(32),
                                             transforms.RandomHorizontalFlip(),
                                             transforms.ToTensor()]);

const test_transforms = transforms.Compose([transforms.Resize(40),
                                            transforms.CenterCrop(32),
                                            transforms.ToTensor()]);


// Pass transforms in here, then run the next cell to see how the transforms look
const train_data = datasets.ImageFolder(data_dir + '/train', {transform: train_transforms});
const test_data = datasets.ImageFolder(data_dir + '/test', {transform: test_transforms});

const trainloader = torch.utils.data.DataLoader(train_data, {batch_size: 32});
const testloader = torch.utils.data.DataLoader(test_data, {batch_size: 32});`,
    `// change this to the trainloader or testloader
let data_iter = iter(testloader);

[images, labels] = next(data_iter);
for (let ii = 0; ii < 4; ii++) {
    console.log(images[ii].shape, images[ii].mean(), images[ii].std());
}`,
    `data_iter = iter(trainloader);
[images, labels] = next(data_iter);
for (let ii = 0; ii < 4; ii++) {
    console.log(images[ii].shape, images[ii].mean(), images[ii].std());
}`,
  ];
}

/**
 * Part 8 - Transfer Learning: mobilenet_v2 (whose head is also called `classifier`), seeded, no
 * pretrained download, stands in for densenet121(pretrained=True); 32-pixel crops; CPU only.
 */
export function part8(dir: string): string[] {
  return [
    catDogData(dir),
    `${ITER_NEXT}
const { datasets, models } = torchvision;`,
    `let data_dir = '${dir}/Cat_Dog_data';

// TODO: Define transforms for the training data and testing data
const train_transforms = transforms.Compose([transforms.RandomRotation(30),
                                             transforms.RandomResizedCrop(32),
                                             transforms.RandomHorizontalFlip(),
                                             transforms.ToTensor(),
                                             transforms.Normalize([0.485, 0.456, 0.406],
                                                                  [0.229, 0.224, 0.225])]);

const test_transforms = transforms.Compose([transforms.Resize(40),
                                            transforms.CenterCrop(32),
                                            transforms.ToTensor(),
                                            transforms.Normalize([0.485, 0.456, 0.406],
                                                                 [0.229, 0.224, 0.225])]);

// Pass transforms in here, then run the next cell to see how the transforms look
const train_data = datasets.ImageFolder(data_dir + '/train', {transform: train_transforms});
const test_data = datasets.ImageFolder(data_dir + '/test', {transform: test_transforms});

const trainloader = torch.utils.data.DataLoader(train_data, {batch_size: 4, shuffle: true});
const testloader = torch.utils.data.DataLoader(test_data, {batch_size: 4});`,
    `let model = models.mobilenet_v2();
console.log(model);`,
    `// Freeze parameters so we don't backprop through them
for (const param of model.parameters()) {
    param.requires_grad = false;
}

const classifier = nn.Sequential({  // OrderedDict([(name, module), ...])
                          fc1: nn.Linear(1280, 500),
                          relu: nn.ReLU(),
                          fc2: nn.Linear(500, 2),
                          output: nn.LogSoftmax({dim: 1})});

model.classifier = classifier;`,
    `for (const device of ['cpu']) {

    const criterion = nn.NLLLoss();
    // Only train the classifier parameters, feature parameters are frozen
    const optimizer = optim.Adam(model.classifier.parameters(), {lr: 0.001});

    model.to(device);

    for (let [ii, [inputs, labels]] of [...trainloader].entries()) {

        // Move input and label tensors to the GPU
        [inputs, labels] = [inputs.to(device), labels.to(device)];

        const outputs = model.forward(inputs);
        const loss = criterion(outputs, labels);
        console.log(loss);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        if (ii==3) {
            break;
        }
    }
}`,
    `// Use GPU if it's available
const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");

model = models.mobilenet_v2();

// Freeze parameters so we don't backprop through them
for (const param of model.parameters()) {
    param.requires_grad = false;
}

model.classifier = nn.Sequential(nn.Linear(1280, 256),
                                 nn.ReLU(),
                                 nn.Dropout(0.2),
                                 nn.Linear(256, 2),
                                 nn.LogSoftmax({dim: 1}));

const criterion = nn.NLLLoss();

// Only train the classifier parameters, feature parameters are frozen
const optimizer = optim.Adam(model.classifier.parameters(), {lr: 0.003});

model.to(device);`,
    `const epochs = 1;
let steps = 0;
let running_loss = 0;
const print_every = 1;
for (let epoch = 0; epoch < epochs; epoch++) {
    for (let [inputs, labels] of trainloader) {
        steps += 1;
        // Move input and label tensors to the default device
        [inputs, labels] = [inputs.to(device), labels.to(device)];

        let logps = model.forward(inputs);
        const loss = criterion(logps, labels);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        running_loss += loss.item();

        if (steps % print_every == 0) {
            let test_loss = 0;
            let accuracy = 0;
            model.eval();
            torch.no_grad(() => {
                for (let [inputs, labels] of testloader) {
                    [inputs, labels] = [inputs.to(device), labels.to(device)];
                    logps = model.forward(inputs);
                    const batch_loss = criterion(logps, labels);

                    test_loss += batch_loss.item();

                    // Calculate accuracy
                    const ps = torch.exp(logps);
                    const [top_p, top_class] = ps.topk(1, {dim: 1});
                    const equals = top_class == labels.view(...top_class.shape);
                    accuracy += torch.mean(equals.type(torch.FloatTensor)).item();
                }
            });

            console.log(\`Epoch \${epoch+1}/\${epochs}.. \` +
                        \`Train loss: \${(running_loss/print_every).toFixed(3)}.. \` +
                        \`Test loss: \${(test_loss/len(testloader)).toFixed(3)}.. \` +
                        \`Test accuracy: \${(accuracy/len(testloader)).toFixed(3)}\`);
            running_loss = 0;
            model.train();
        }
    }
}`,
  ];
}

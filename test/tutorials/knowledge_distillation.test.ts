/**
 * "Knowledge Distillation Tutorial" (pytorch/tutorials beginner_source/knowledge_distillation_tutorial.py)
 * ported line by line against PyTorch 1.13 (test/reference/gen_knowledge_distillation.py): the DeepNN
 * teacher and LightNN students, the CE training loop with Adam, the soft-target loss
 * `-torch.sum(soft_targets * soft_prob) / soft_prob.size()[0] * (T**2)`, the cosine-embedding variant on
 * `avg_pool1d`-ed hidden representations and the regressor (feature-map MSE) variant, loading the
 * teacher's state_dict into the modified classes. CIFAR-10 is replaced by FakeData (16 training and 16
 * test images, seeded on both sides); batch size 8 and 1 epoch instead of 128 and 10.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { expectSamePrint } from "./_tutorial";

const { nn, optim } = torch;
const { transforms, datasets } = torchvision;
type Tensor = InstanceType<typeof torch.Tensor>;
type DataLoader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, number]>>;
type Device = ReturnType<typeof torch.device>;
/** A model as the train/test functions take it: a Module whose forward gives logits, or (logits, hidden). */
type Net = DeepNN | LightNN;
type Net2 = ModifiedDeepNNCosine | ModifiedLightNNCosine | ModifiedDeepNNRegressor | ModifiedLightNNRegressor;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "knowledge_distillation.json"), "utf8")) as { printed: string[] };

const printed: string[] = [];
const print = (...a: unknown[]): void => void printed.push(a.map(String).join(" "));
const EPOCHS = 1;

// Deeper neural network class to be used as teacher
class DeepNN extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 128, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(128, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(64, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(64, 32, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(2048, 512),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(512, num_classes),
    );
  }

  forward(x: Tensor): Tensor {
    x = this.features(x);
    x = torch.flatten(x, 1);
    x = this.classifier(x);
    return x;
  }
}

// Lightweight neural network class to be used as student
class LightNN extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(16, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(1024, 256),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(256, num_classes),
    );
  }

  forward(x: Tensor): Tensor {
    x = this.features(x);
    x = torch.flatten(x, 1);
    x = this.classifier(x);
    return x;
  }
}

function train(model: Net, train_loader: DataLoader, epochs: number, learning_rate: number, device: Device): void {
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new optim.Adam(model.parameters(), { lr: learning_rate });

  model.to(device);
  model.train();

  for (let epoch = 0; epoch < epochs; epoch++) {
    let running_loss = 0.0;
    for (let [inputs, labels] of train_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      optimizer.zero_grad();
      const outputs = model(inputs);

      const loss = criterion(outputs, labels);
      loss.backward();
      optimizer.step();

      running_loss += loss.item();
    }
    print(`Epoch ${epoch + 1}/${epochs}, Loss: ${running_loss / train_loader.length}`);
  }
}

function test(model: Net, test_loader: DataLoader, device: Device): number {
  model.to(device);
  model.eval();

  let correct = 0;
  let total = 0;

  torch.no_grad(() => {
    for (let [inputs, labels] of test_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      const outputs = model(inputs);
      const [, predicted] = torch.max(outputs.data, 1);

      total += labels.size(0);
      correct += predicted.eq(labels).sum().item();
    }
  });

  const accuracy = (100 * correct) / total;
  print(`Test Accuracy: ${accuracy.toFixed(2)}%`);
  return accuracy;
}

function train_knowledge_distillation(teacher: Net, student: Net, train_loader: DataLoader, epochs: number, learning_rate: number, T: number, soft_target_loss_weight: number, ce_loss_weight: number, device: Device): void {
  const ce_loss = new nn.CrossEntropyLoss();
  const optimizer = new optim.Adam(student.parameters(), { lr: learning_rate });

  teacher.to(device);
  student.to(device);
  teacher.eval(); // Teacher set to evaluation mode
  student.train(); // Student to train mode

  for (let epoch = 0; epoch < epochs; epoch++) {
    let running_loss = 0.0;
    for (let [inputs, labels] of train_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      optimizer.zero_grad();

      // Forward pass with the teacher model - do not save gradients here as we do not change the teacher's weights
      const teacher_logits = torch.no_grad(() => teacher(inputs));

      // Forward pass with the student model
      const student_logits = student(inputs);

      // Soften the student logits by applying softmax first and log() second
      const soft_targets = nn.functional.softmax(teacher_logits.div(T), { dim: -1 });
      const soft_prob = nn.functional.log_softmax(student_logits.div(T), { dim: -1 });

      // Calculate the soft targets loss. Scaled by T**2 as suggested by the authors of the paper "Distilling the knowledge in a neural network"
      const soft_targets_loss = torch.sum(soft_targets.mul(soft_prob)).neg().div(soft_prob.size()[0]).mul(T ** 2);

      // Calculate the true label loss
      const label_loss = ce_loss(student_logits, labels);

      // Weighted sum of the two losses
      const loss = soft_targets_loss.mul(soft_target_loss_weight).add(label_loss.mul(ce_loss_weight));

      loss.backward();
      optimizer.step();

      running_loss += loss.item();
    }
    print(`Epoch ${epoch + 1}/${epochs}, Loss: ${running_loss / train_loader.length}`);
  }
}

class ModifiedDeepNNCosine extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 128, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(128, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(64, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(64, 32, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(2048, 512),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(512, num_classes),
    );
  }

  forward(x: Tensor): [Tensor, Tensor] {
    x = this.features(x);
    const flattened_conv_output = torch.flatten(x, 1);
    x = this.classifier(flattened_conv_output);
    const flattened_conv_output_after_pooling = torch.nn.functional.avg_pool1d(flattened_conv_output, 2);
    return [x, flattened_conv_output_after_pooling];
  }
}

// Create a similar student class where we return a tuple. We do not apply pooling after flattening.
class ModifiedLightNNCosine extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(16, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(1024, 256),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(256, num_classes),
    );
  }

  forward(x: Tensor): [Tensor, Tensor] {
    x = this.features(x);
    const flattened_conv_output = torch.flatten(x, 1);
    x = this.classifier(flattened_conv_output);
    return [x, flattened_conv_output];
  }
}

function train_cosine_loss(teacher: Net2, student: Net2, train_loader: DataLoader, epochs: number, learning_rate: number, hidden_rep_loss_weight: number, ce_loss_weight: number, device: Device): void {
  const ce_loss = new nn.CrossEntropyLoss();
  const cosine_loss = new nn.CosineEmbeddingLoss();
  const optimizer = new optim.Adam(student.parameters(), { lr: learning_rate });

  teacher.to(device);
  student.to(device);
  teacher.eval(); // Teacher set to evaluation mode
  student.train(); // Student to train mode

  for (let epoch = 0; epoch < epochs; epoch++) {
    let running_loss = 0.0;
    for (let [inputs, labels] of train_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      optimizer.zero_grad();

      // Forward pass with the teacher model and keep only the hidden representation
      const [, teacher_hidden_representation] = torch.no_grad(() => teacher(inputs));

      // Forward pass with the student model
      const [student_logits, student_hidden_representation] = student(inputs);

      // Calculate the cosine loss. Target is a vector of ones. From the loss formula above we can see that is the case where loss minimization leads to cosine similarity increase.
      const hidden_rep_loss = cosine_loss(student_hidden_representation, teacher_hidden_representation, { target: torch.ones(inputs.size(0)).to(device) });

      // Calculate the true label loss
      const label_loss = ce_loss(student_logits, labels);

      // Weighted sum of the two losses
      const loss = hidden_rep_loss.mul(hidden_rep_loss_weight).add(label_loss.mul(ce_loss_weight));

      loss.backward();
      optimizer.step();

      running_loss += loss.item();
    }
    print(`Epoch ${epoch + 1}/${epochs}, Loss: ${running_loss / train_loader.length}`);
  }
}

function test_multiple_outputs(model: Net2, test_loader: DataLoader, device: Device): number {
  model.to(device);
  model.eval();

  let correct = 0;
  let total = 0;

  torch.no_grad(() => {
    for (let [inputs, labels] of test_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      const [outputs] = model(inputs); // In this line we disregard the second tensor of the tuple
      const [, predicted] = torch.max(outputs.data, 1);

      total += labels.size(0);
      correct += predicted.eq(labels).sum().item();
    }
  });

  const accuracy = (100 * correct) / total;
  print(`Test Accuracy: ${accuracy.toFixed(2)}%`);
  return accuracy;
}

class ModifiedDeepNNRegressor extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 128, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(128, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(64, 64, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.Conv2d(64, 32, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(2048, 512),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(512, num_classes),
    );
  }

  forward(x: Tensor): [Tensor, Tensor] {
    x = this.features(x);
    const conv_feature_map = x;
    x = torch.flatten(x, 1);
    x = this.classifier(x);
    return [x, conv_feature_map];
  }
}

class ModifiedLightNNRegressor extends nn.Module {
  features: InstanceType<typeof nn.Sequential>;
  regressor: InstanceType<typeof nn.Sequential>;
  classifier: InstanceType<typeof nn.Sequential>;
  constructor(num_classes = 10) {
    super();
    this.features = new nn.Sequential(
      new nn.Conv2d(3, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
      new nn.Conv2d(16, 16, { kernel_size: 3, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d({ kernel_size: 2, stride: 2 }),
    );
    // Include an extra regressor (in our case linear)
    this.regressor = new nn.Sequential(
      new nn.Conv2d(16, 32, { kernel_size: 3, padding: 1 }),
    );
    this.classifier = new nn.Sequential(
      new nn.Linear(1024, 256),
      new nn.ReLU(),
      new nn.Dropout(0.1),
      new nn.Linear(256, num_classes),
    );
  }

  forward(x: Tensor): [Tensor, Tensor] {
    x = this.features(x);
    const regressor_output = this.regressor(x);
    x = torch.flatten(x, 1);
    x = this.classifier(x);
    return [x, regressor_output];
  }
}

function train_mse_loss(teacher: Net2, student: Net2, train_loader: DataLoader, epochs: number, learning_rate: number, feature_map_weight: number, ce_loss_weight: number, device: Device): void {
  const ce_loss = new nn.CrossEntropyLoss();
  const mse_loss = new nn.MSELoss();
  const optimizer = new optim.Adam(student.parameters(), { lr: learning_rate });

  teacher.to(device);
  student.to(device);
  teacher.eval(); // Teacher set to evaluation mode
  student.train(); // Student to train mode

  for (let epoch = 0; epoch < epochs; epoch++) {
    let running_loss = 0.0;
    for (let [inputs, labels] of train_loader) {
      [inputs, labels] = [inputs.to(device), labels.to(device)];

      optimizer.zero_grad();

      // Again ignore teacher logits
      const [, teacher_feature_map] = torch.no_grad(() => teacher(inputs));

      // Forward pass with the student model
      const [student_logits, regressor_feature_map] = student(inputs);

      // Calculate the loss
      const hidden_rep_loss = mse_loss(regressor_feature_map, teacher_feature_map);

      // Calculate the true label loss
      const label_loss = ce_loss(student_logits, labels);

      // Weighted sum of the two losses
      const loss = hidden_rep_loss.mul(feature_map_weight).add(label_loss.mul(ce_loss_weight));

      loss.backward();
      optimizer.step();

      running_loss += loss.item();
    }
    print(`Epoch ${epoch + 1}/${epochs}, Loss: ${running_loss / train_loader.length}`);
  }
}

it("knowledge_distillation: teacher, CE student, KD, cosine and regressor students print PyTorch's losses and accuracies", () => {
  const device = torch.device("cpu");
  const transforms_cifar = new transforms.Compose([
    new transforms.ToTensor(),
    new transforms.Normalize({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }),
  ]);

  // Stand-in for datasets.CIFAR10(root='./data', train=True/False, download=True, transform=transforms_cifar)
  const train_dataset = new datasets.FakeData({ size: 16, image_size: [3, 32, 32], num_classes: 10, transform: transforms_cifar });
  const test_dataset = new datasets.FakeData({ size: 16, image_size: [3, 32, 32], num_classes: 10, transform: transforms_cifar, random_offset: 16 });

  torch.manual_seed(0);
  const train_loader = new torch.utils.data.DataLoader(train_dataset, { batch_size: 8, shuffle: true, num_workers: 0 });
  const test_loader = new torch.utils.data.DataLoader(test_dataset, { batch_size: 8, shuffle: false, num_workers: 0 });

  torch.manual_seed(42);
  const nn_deep = new DeepNN(10);
  train(nn_deep, train_loader, EPOCHS, 0.001, device);
  const test_accuracy_deep = test(nn_deep, test_loader, device);

  // Instantiate the lightweight network
  torch.manual_seed(42);
  const nn_light = new LightNN(10);

  torch.manual_seed(42);
  const new_nn_light = new LightNN(10);

  // Print the norm of the first layer of the initial lightweight model
  print("Norm of 1st layer of nn_light:", torch.norm(nn_light.features[0].weight).item());
  // Print the norm of the first layer of the new lightweight model
  print("Norm of 1st layer of new_nn_light:", torch.norm(new_nn_light.features[0].weight).item());

  // Print the total number of parameters in each model.
  const total_params_deep = [...nn_deep.parameters()].reduce((s, p) => s + p.numel(), 0).toLocaleString("en-US");
  print(`DeepNN parameters: ${total_params_deep}`);
  const total_params_light = [...nn_light.parameters()].reduce((s, p) => s + p.numel(), 0).toLocaleString("en-US");
  print(`LightNN parameters: ${total_params_light}`);

  // Train and test the lightweight network with cross entropy loss
  train(nn_light, train_loader, EPOCHS, 0.001, device);
  const test_accuracy_light_ce = test(nn_light, test_loader, device);

  print(`Teacher accuracy: ${test_accuracy_deep.toFixed(2)}%`);
  print(`Student accuracy: ${test_accuracy_light_ce.toFixed(2)}%`);

  // Apply train_knowledge_distillation with a temperature of 2. Arbitrarily set the weights to 0.75 for CE and 0.25 for distillation loss.
  train_knowledge_distillation(nn_deep, new_nn_light, train_loader, EPOCHS, 0.001, 2, 0.25, 0.75, device);
  const test_accuracy_light_ce_and_kd = test(new_nn_light, test_loader, device);

  // Compare the student test accuracy with and without the teacher, after distillation
  print(`Teacher accuracy: ${test_accuracy_deep.toFixed(2)}%`);
  print(`Student accuracy without teacher: ${test_accuracy_light_ce.toFixed(2)}%`);
  print(`Student accuracy with CE + KD: ${test_accuracy_light_ce_and_kd.toFixed(2)}%`);

  // We do not have to train the modified deep network from scratch of course, we just load its weights from the trained instance
  const modified_nn_deep = new ModifiedDeepNNCosine(10);
  modified_nn_deep.load_state_dict(nn_deep.state_dict());

  // Once again ensure the norm of the first layer is the same for both networks
  print("Norm of 1st layer for deep_nn:", torch.norm(nn_deep.features[0].weight).item());
  print("Norm of 1st layer for modified_deep_nn:", torch.norm(modified_nn_deep.features[0].weight).item());

  // Initialize a modified lightweight network with the same seed as our other lightweight instances.
  torch.manual_seed(42);
  const modified_light_nn = new ModifiedLightNNCosine(10);
  print("Norm of 1st layer:", torch.norm(modified_light_nn.features[0].weight).item());

  // Train and test the lightweight network with cross entropy loss
  train_cosine_loss(modified_nn_deep, modified_light_nn, train_loader, EPOCHS, 0.001, 0.25, 0.75, device);
  const test_accuracy_light_ce_and_cosine_loss = test_multiple_outputs(modified_light_nn, test_loader, device);

  // Initialize a ModifiedLightNNRegressor
  torch.manual_seed(42);
  const modified_light_nn_mse = new ModifiedLightNNRegressor(10);

  // We do not have to train the modified deep network from scratch of course, we just load its weights from the trained instance
  const modified_nn_deep_reg = new ModifiedDeepNNRegressor(10);
  modified_nn_deep_reg.load_state_dict(nn_deep.state_dict());

  // Train and test once again
  train_mse_loss(modified_nn_deep_reg, modified_light_nn_mse, train_loader, EPOCHS, 0.001, 0.25, 0.75, device);
  const test_accuracy_light_ce_and_mse_loss = test_multiple_outputs(modified_light_nn_mse, test_loader, device);

  print(`Teacher accuracy: ${test_accuracy_deep.toFixed(2)}%`);
  print(`Student accuracy without teacher: ${test_accuracy_light_ce.toFixed(2)}%`);
  print(`Student accuracy with CE + KD: ${test_accuracy_light_ce_and_kd.toFixed(2)}%`);
  print(`Student accuracy with CE + CosineLoss: ${test_accuracy_light_ce_and_cosine_loss.toFixed(2)}%`);
  print(`Student accuracy with CE + RegressorMSE: ${test_accuracy_light_ce_and_mse_loss.toFixed(2)}%`);

  expectSamePrint(printed.join("\n"), REF.printed.join("\n"), 1e-4);
}, 120_000);

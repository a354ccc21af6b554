/**
 * "Finetuning Torchvision Models" (pytorch/tutorials beginner_source/finetuning_torchvision_models_tutorial.py)
 * ported line by line against PyTorch 1.13 / torchvision 0.14 (test/reference/gen_finetuning_torchvision_models.py)
 * for the tutorial's own choice, SqueezeNet 1.0 feature extraction: initialize_model with
 * set_parameter_requires_grad and the reshaped `classifier[1]`, the printed model, the "Params to
 * learn", SGD with momentum on them, and train_model's train/val phases under set_grad_enabled. No network:
 * `pretrained: false` (seeded torchvision initialisation on both sides); the hymenoptera ImageFolder is
 * FakeData (4 + 4 images of 3x64x64, 2 classes) through the tutorial's transforms; batch 2, 1 epoch.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import * as copy from "../../src/copy";
import { expectSamePrint, expectValues } from "./_tutorial";

const { nn, optim } = torch;
const { len } = torch.utils.data;
const { datasets, models, transforms } = torchvision;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type Loader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, number]>>;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "finetuning_torchvision_models.json"), "utf8")) as { printed: string[]; hist: number[] };

const printed: string[] = [];
const print = (...a: unknown[]): void => void printed.push(a.map(String).join(" ") + "\n");
const device = torch.device("cpu");

function train_model(model: InstanceType<typeof models.SqueezeNet>, dataloaders: Record<string, Loader>, criterion: (a: Tensor, b: Tensor) => Tensor, optimizer: InstanceType<typeof optim.SGD>, num_epochs = 25, is_inception = false): [InstanceType<typeof models.SqueezeNet>, Tensor[]] {
  const val_acc_history: Tensor[] = [];

  let best_model_wts = copy.deepcopy(model.state_dict());
  let best_acc: Tensor | number = 0.0;

  for (let epoch = 0; epoch < num_epochs; epoch++) {
    print(`Epoch ${epoch}/${num_epochs - 1}`);
    print("-".repeat(10));

    // Each epoch has a training and validation phase
    for (const phase of ["train", "val"]) {
      if (phase === "train") model.train(); // Set model to training mode
      else model.eval(); // Set model to evaluate mode

      let running_loss = 0.0;
      let running_corrects: Tensor | number = 0;

      // Iterate over data.
      for (let [inputs, labels] of dataloaders[phase]) {
        inputs = inputs.to(device);
        labels = labels.to(device);

        // zero the parameter gradients
        optimizer.zero_grad();

        // forward; track history if only in train
        const [loss, preds] = torch.set_grad_enabled(phase === "train", () => {
          // (is_inception: inception's auxiliary output; not the model here)
          void is_inception;
          const outputs = model(inputs);
          const loss = criterion(outputs, labels);

          const [, preds] = torch.max(outputs, 1);

          // backward + optimize only if in training phase
          if (phase === "train") {
            loss.backward();
            optimizer.step();
          }
          return [loss, preds] as const;
        });

        // statistics
        running_loss += loss.item() * inputs.size(0);
        running_corrects = torch.sum(preds.eq(labels.data)).add(running_corrects);
      }

      const epoch_loss = running_loss / len(dataloaders[phase].dataset);
      const epoch_acc = (running_corrects as Tensor).double().div(len(dataloaders[phase].dataset));

      print(`${phase} Loss: ${epoch_loss.toFixed(4)} Acc: ${epoch_acc.item().toFixed(4)}`);

      // deep copy the model
      if (phase === "val" && epoch_acc.gt(best_acc).item()) {
        best_acc = epoch_acc;
        best_model_wts = copy.deepcopy(model.state_dict());
      }
      if (phase === "val") val_acc_history.push(epoch_acc);
    }
    print();
  }

  print(`Best val Acc: ${Number(best_acc instanceof torch.Tensor ? best_acc.item() : best_acc).toFixed(6)}`);

  // load best model weights
  model.load_state_dict(best_model_wts);
  return [model, val_acc_history];
}

function set_parameter_requires_grad(model: Module, feature_extracting: boolean): void {
  if (feature_extracting) {
    for (const param of model.parameters()) param.requires_grad = false;
  }
}

function initialize_model(model_name: string, num_classes: number, feature_extract: boolean, use_pretrained = true): [InstanceType<typeof models.SqueezeNet>, number] {
  let model_ft: InstanceType<typeof models.SqueezeNet>;
  let input_size = 0;

  if (model_name === "squeezenet") {
    // Squeezenet
    model_ft = models.squeezenet1_0({ pretrained: use_pretrained });
    set_parameter_requires_grad(model_ft, feature_extract);
    model_ft.classifier.set(1, new nn.Conv2d(512, num_classes, { kernel_size: [1, 1], stride: [1, 1] }));
    model_ft.num_classes = num_classes;
    input_size = 224;
  } else {
    throw new Error("Invalid model name, exiting...");
  }
  return [model_ft, input_size];
}

test("finetuning_torchvision_models: SqueezeNet feature extraction prints PyTorch's model, parameters to learn, losses and accuracies", () => {
  const model_name: string = "squeezenet";
  const num_classes = 2;
  const batch_size = 2; // 8 in the tutorial
  const num_epochs = 1; // 15 in the tutorial
  const feature_extract = true;

  torch.manual_seed(0);
  let [model_ft, input_size] = initialize_model(model_name, num_classes, feature_extract, false);

  // Print the model we just instantiated
  print(model_ft);

  // Data augmentation and normalization for training
  // Just normalization for validation
  const data_transforms: Record<string, InstanceType<typeof transforms.Compose>> = {
    train: new transforms.Compose([
      new transforms.RandomResizedCrop(input_size),
      new transforms.RandomHorizontalFlip(),
      new transforms.ToTensor(),
      new transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ]),
    val: new transforms.Compose([
      new transforms.Resize(input_size),
      new transforms.CenterCrop(input_size),
      new transforms.ToTensor(),
      new transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ]),
  };

  print("Initializing Datasets and Dataloaders...");

  // Stand-in for datasets.ImageFolder(os.path.join(data_dir, x), data_transforms[x])
  const image_datasets = Object.fromEntries(["train", "val"].map((x) => [x, new datasets.FakeData({ size: 4, image_size: [3, 64, 64], num_classes: 2, transform: data_transforms[x], random_offset: x === "train" ? 0 : 4 })]));
  const dataloaders_dict = Object.fromEntries(["train", "val"].map((x) => [x, new torch.utils.data.DataLoader(image_datasets[x], { batch_size, shuffle: true, num_workers: 0 })])) as Record<string, Loader>;

  // Send the model to GPU
  model_ft = model_ft.to(device);

  let params_to_update: Iterable<Tensor> = model_ft.parameters();
  print("Params to learn:");
  if (feature_extract) {
    const update: Tensor[] = [];
    for (const [name, param] of model_ft.named_parameters()) {
      if (param.requires_grad === true) {
        update.push(param);
        print("\t", name);
      }
    }
    params_to_update = update;
  } else {
    for (const [name, param] of model_ft.named_parameters()) if (param.requires_grad === true) print("\t", name);
  }

  // Observe that all parameters are being optimized
  const optimizer_ft = new optim.SGD(params_to_update, { lr: 0.001, momentum: 0.9 });

  // Setup the loss fxn
  const criterion = new nn.CrossEntropyLoss();

  // Train and evaluate
  const [, hist] = train_model(model_ft, dataloaders_dict, criterion, optimizer_ft, num_epochs, model_name === "inception");

  expectSamePrint(printed.join(""), REF.printed.join(""), 2e-3);
  expectValues(hist.map((h) => h.item()), REF.hist, 1e-6);
}, 120_000);

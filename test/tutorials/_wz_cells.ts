/** The cells of test/tutorials/wz_classification_notebook.test.ts (its header says what they port and how). */
export const LENET = [
  `const to_pil_image = transforms.functional.to_pil_image;


class LeNet extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(3, 16, 5);
    this.pool1 = nn.MaxPool2d(2, 2);
    this.conv2 = nn.Conv2d(16, 32, 5);
    this.pool2 = nn.MaxPool2d(2, 2);
    this.fc1 = nn.Linear(32*5*5, 120);
    this.fc2 = nn.Linear(120, 84);
    this.fc3 = nn.Linear(84, 10);
  }

  forward(x) {
    x = F.relu(this.conv1(x));    // input(3, 32, 32) output(16, 28, 28)
    x = this.pool1(x);            // output(16, 14, 14)
    x = F.relu(this.conv2(x));    // output(32, 10, 10)
    x = this.pool2(x);            // output(32, 5, 5)
    x = x.view(-1, 32*5*5);       // output(32*5*5)
    x = F.relu(this.fc1(x));      // output(120)
    x = F.relu(this.fc2(x));      // output(84)
    x = this.fc3(x);              // output(10)
    return x;
  }
}`,
  `class CIFARStandIn extends torch.utils.data.Dataset {
  constructor(pixels, labels, transform=null) {
    super();
    this.pixels = pixels;
    this.labels = labels;
    this.transform = transform;
  }

  __len__() {
    return len(this.pixels);
  }

  __getitem__(index) {
    const img = to_pil_image(this.pixels[index]);
    return tuple([this.transform(img), int(this.labels[index])]);
  }
}


torch.manual_seed(1234);
const train_pixels = torch.randint(0, 256, [8, 3, 32, 32], dtype=torch.uint8);
const train_labels = torch.randint(0, 10, [8]);
const val_pixels = torch.randint(0, 256, [4, 3, 32, 32], dtype=torch.uint8);
const val_labels = torch.randint(0, 10, [4]);`,
  `let transform = transforms.Compose(
    [transforms.ToTensor(),
     transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]);

const train_set = CIFARStandIn(train_pixels, train_labels, transform=transform);
const train_loader = torch.utils.data.DataLoader(train_set, batch_size=4,
                                                 shuffle=true, num_workers=0);

const val_set = CIFARStandIn(val_pixels, val_labels, transform=transform);
const val_loader = torch.utils.data.DataLoader(val_set, batch_size=4,
                                               shuffle=false, num_workers=0);
const val_data_iter = iter(val_loader);
const [val_image, val_label] = next(val_data_iter);
print(val_image.shape, val_label);`,
  `let net = LeNet();
const loss_function = nn.CrossEntropyLoss();
const optimizer = optim.Adam(net.parameters(), lr=0.001);

for (const epoch of range(2)) {  // loop over the dataset multiple times

  let running_loss = 0.0;
  for (const [step, data] of enumerate(train_loader, start=0)) {
    // get the inputs; data is a list of [inputs, labels]
    const [inputs, labels] = data;

    // zero the parameter gradients
    optimizer.zero_grad();
    // forward + backward + optimize
    let outputs = net(inputs);
    const loss = loss_function(outputs, labels);
    loss.backward();
    optimizer.step();

    // print statistics
    running_loss += loss.item();
    if (step % 2 == 1) {    // print every 2 mini-batches
      torch.no_grad(() => {
        outputs = net(val_image);  // [batch, 10]
        const predict_y = torch.max(outputs, dim=1)[1];
        const accuracy = torch.eq(predict_y, val_label).sum().item() / val_label.size(0);

        print(\`[\${epoch + 1:d}, \${step + 1:5d}] train_loss: \${running_loss / 2:.3f}  test_accuracy: \${accuracy:.3f}\`);
        running_loss = 0.0;
      });
    }
  }
}

print('Finished Training');

const save_path = './Lenet.pth';
torch.save(net.state_dict(), save_path);`,
  `transform = transforms.Compose(
    [transforms.Resize([32, 32]),
     transforms.ToTensor(),
     transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]);

const classes = ['plane', 'car', 'bird', 'cat',
                 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

net = LeNet();
net.load_state_dict(torch.load('Lenet.pth'));

let im = to_pil_image(torch.randint(0, 256, [3, 40, 48], dtype=torch.uint8));
im = transform(im);  // [C, H, W]
im = torch.unsqueeze(im, dim=0);  // [N, C, H, W]

let outputs, predict;
torch.no_grad(() => {
  outputs = net(im);
  predict = torch.max(outputs, dim=1)[1].numpy();
});
print(outputs);
print(classes[int(predict)]);`,
];

export const ALEXNET = [
  `import * as fs from "fs";
const to_pil_image = transforms.functional.to_pil_image;


class AlexNet extends nn.Module {
  constructor(num_classes=1000, init_weights=false) {
    super();
    this.features = nn.Sequential(
      nn.Conv2d(3, 48, kernel_size=11, stride=4, padding=2),  // input[3, 224, 224]  output[48, 55, 55]
      nn.ReLU(inplace=true),
      nn.MaxPool2d(kernel_size=3, stride=2),                  // output[48, 27, 27]
      nn.Conv2d(48, 128, kernel_size=5, padding=2),           // output[128, 27, 27]
      nn.ReLU(inplace=true),
      nn.MaxPool2d(kernel_size=3, stride=2),                  // output[128, 13, 13]
      nn.Conv2d(128, 192, kernel_size=3, padding=1),          // output[192, 13, 13]
      nn.ReLU(inplace=true),
      nn.Conv2d(192, 192, kernel_size=3, padding=1),          // output[192, 13, 13]
      nn.ReLU(inplace=true),
      nn.Conv2d(192, 128, kernel_size=3, padding=1),          // output[128, 13, 13]
      nn.ReLU(inplace=true),
      nn.MaxPool2d(kernel_size=3, stride=2),                  // output[128, 6, 6]
    );
    this.classifier = nn.Sequential(
      nn.Dropout(p=0.5),
      nn.Linear(128 * 6 * 6, 2048),
      nn.ReLU(inplace=true),
      nn.Dropout(p=0.5),
      nn.Linear(2048, 2048),
      nn.ReLU(inplace=true),
      nn.Linear(2048, num_classes),
    );
    if (init_weights) {
      this._initialize_weights();
    }
  }

  forward(x) {
    x = this.features(x);
    x = torch.flatten(x, start_dim=1);
    x = this.classifier(x);
    return x;
  }

  _initialize_weights() {
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu');
        if (m.bias !== null) {
          nn.init.constant_(m.bias, 0);
        }
      } else if (isinstance(m, nn.Linear)) {
        nn.init.normal_(m.weight, 0, 0.01);
        nn.init.constant_(m.bias, 0);
      }
    }
  }
}`,
  `const device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
print(\`using \${device} device.\`);

const data_transform = {
  "train": transforms.Compose([transforms.RandomResizedCrop(224),
                               transforms.RandomHorizontalFlip(),
                               transforms.ToTensor(),
                               transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]),
  "val": transforms.Compose([transforms.Resize([224, 224]),  // cannot 224, must (224, 224)
                             transforms.ToTensor(),
                             transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])])};

torch.manual_seed(7);
const photos = list(range(2)).map((_) => to_pil_image(torch.randint(0, 256, [3, 60, 80], dtype=torch.uint8)));
const train_images = torch.stack(photos.map((p) => data_transform["train"](p)));
const val_images = torch.stack(photos.map((p) => data_transform["val"](p)));
print(train_images.shape, round(train_images.mean().item(), 4), round(train_images.std().item(), 4));
print(val_images.shape, round(val_images.mean().item(), 4), round(val_images.std().item(), 4));
print(train_images["0, :, 100, 100:104"]);`,
  `const flower_list = {'daisy': 0, 'dandelion': 1, 'roses': 2, 'sunflowers': 3, 'tulips': 4};
const cla_dict = Object.fromEntries(Object.entries(flower_list).map(([key, val]) => [val, key]));
// write dict into json file
const json_str = JSON.stringify(cla_dict, null, 4);
fs.writeFileSync('class_indices.json', json_str);
print(json_str);`,
  `const net = AlexNet(num_classes=5, init_weights=true);

net.to(device);
const loss_function = nn.CrossEntropyLoss();
const optimizer = optim.Adam(net.parameters(), lr=0.0002);
print(sum(net.parameters().map((p) => p.numel())));

const epochs = 10;
net.train();
let running_loss = 0.0;
const [images, labels] = [train_images, torch.tensor([1, 4])];
for (const step of range(2)) {
  optimizer.zero_grad();
  const outputs = net(images.to(device));
  const loss = loss_function(outputs, labels.to(device));
  loss.backward();
  optimizer.step();

  // print statistics
  running_loss += loss.item();

  print(\`train epoch[\${1}/\${epochs}] loss:\${loss:.3f}\`);
}
torch.save(net.state_dict(), './AlexNet.pth');`,
  `const class_indict = JSON.parse(fs.readFileSync('./class_indices.json', "utf8"));

// create model
const model = AlexNet(num_classes=5).to(device);
model.load_state_dict(torch.load("./AlexNet.pth"));
const img = torch.unsqueeze(val_images[0], dim=0);

model.eval();
let output, predict, predict_cla;
torch.no_grad(() => {
  // predict class
  output = torch.squeeze(model(img.to(device))).cpu();
  predict = torch.softmax(output, dim=0);
  predict_cla = torch.argmax(predict).numpy();
});

const print_res = \`class: \${class_indict[str(predict_cla)]}   prob: \${predict[predict_cla].numpy():.3}\`;
print(print_res);
for (const i of range(len(predict))) {
  print(\`class: \${class_indict[str(i)]:10}   prob: \${predict[i].numpy():.3}\`);
}`,
];

export const VGG = [
  `class VGG extends nn.Module {
  constructor(features, num_classes=1000, init_weights=false) {
    super();
    this.features = features;
    this.classifier = nn.Sequential(
      nn.Linear(512*7*7, 4096),
      nn.ReLU(true),
      nn.Dropout(p=0.5),
      nn.Linear(4096, 4096),
      nn.ReLU(true),
      nn.Dropout(p=0.5),
      nn.Linear(4096, num_classes)
    );
    if (init_weights) {
      this._initialize_weights();
    }
  }

  forward(x) {
    // N x 3 x 224 x 224
    x = this.features(x);
    // N x 512 x 7 x 7
    x = torch.flatten(x, start_dim=1);
    // N x 512*7*7
    x = this.classifier(x);
    return x;
  }

  _initialize_weights() {
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        // nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
        nn.init.xavier_uniform_(m.weight);
        if (m.bias !== null) {
          nn.init.constant_(m.bias, 0);
        }
      } else if (isinstance(m, nn.Linear)) {
        nn.init.xavier_uniform_(m.weight);
        // nn.init.normal_(m.weight, 0, 0.01)
        nn.init.constant_(m.bias, 0);
      }
    }
  }
}


function make_features(cfg: any[]) {
  let layers = [];
  let in_channels = 3;
  for (const v of cfg) {
    if (v == "M") {
      layers = [...layers, nn.MaxPool2d(kernel_size=2, stride=2)];
    } else {
      const conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1);
      layers = [...layers, conv2d, nn.ReLU(true)];
      in_channels = v;
    }
  }
  return nn.Sequential(...layers);
}


const cfgs = {
  'vgg11': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  'vgg13': [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  'vgg16': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  'vgg19': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
};


function vgg(model_name="vgg16", {...kwargs} = {}) {
  assert(model_name in cfgs, \`Warning: model number \${model_name} not in cfgs dict!\`);
  const cfg = cfgs[model_name];

  const model = VGG(make_features(cfg), **kwargs);
  return model;
}`,
  `const features = make_features(cfgs['vgg16']);
print(features[":5"]);
print(sum(features.parameters().map((p) => p.numel())));
const x = torch.randn(1, 3, 32, 32);
let y;
torch.no_grad(() => {
  y = features(x);
});
print(y.shape, y.flatten()[":4"]);`,
  `try {
  vgg("vgg15", num_classes=5);
} catch (e) {
  print(e.message);
}`,
];

export const GOOGLENET = [
  `class GoogLeNet extends nn.Module {
  constructor(num_classes=1000, aux_logits=true, init_weights=false) {
    super();
    this.aux_logits = aux_logits;

    this.conv1 = BasicConv2d(3, 64, kernel_size=7, stride=2, padding=3);
    this.maxpool1 = nn.MaxPool2d(3, stride=2, ceil_mode=true);

    this.conv2 = BasicConv2d(64, 64, kernel_size=1);
    this.conv3 = BasicConv2d(64, 192, kernel_size=3, padding=1);
    this.maxpool2 = nn.MaxPool2d(3, stride=2, ceil_mode=true);

    this.inception3a = Inception(192, 64, 96, 128, 16, 32, 32);
    this.inception3b = Inception(256, 128, 128, 192, 32, 96, 64);
    this.maxpool3 = nn.MaxPool2d(3, stride=2, ceil_mode=true);

    this.inception4a = Inception(480, 192, 96, 208, 16, 48, 64);
    this.inception4b = Inception(512, 160, 112, 224, 24, 64, 64);
    this.inception4c = Inception(512, 128, 128, 256, 24, 64, 64);
    this.inception4d = Inception(512, 112, 144, 288, 32, 64, 64);
    this.inception4e = Inception(528, 256, 160, 320, 32, 128, 128);
    this.maxpool4 = nn.MaxPool2d(3, stride=2, ceil_mode=true);

    this.inception5a = Inception(832, 256, 160, 320, 32, 128, 128);
    this.inception5b = Inception(832, 384, 192, 384, 48, 128, 128);

    if (this.aux_logits) {
      this.aux1 = InceptionAux(512, num_classes);
      this.aux2 = InceptionAux(528, num_classes);
    }

    this.avgpool = nn.AdaptiveAvgPool2d([1, 1]);
    this.dropout = nn.Dropout(0.4);
    this.fc = nn.Linear(1024, num_classes);
    if (init_weights) {
      this._initialize_weights();
    }
  }

  forward(x) {
    // N x 3 x 224 x 224
    x = this.conv1(x);
    // N x 64 x 112 x 112
    x = this.maxpool1(x);
    // N x 64 x 56 x 56
    x = this.conv2(x);
    // N x 64 x 56 x 56
    x = this.conv3(x);
    // N x 192 x 56 x 56
    x = this.maxpool2(x);

    // N x 192 x 28 x 28
    x = this.inception3a(x);
    // N x 256 x 28 x 28
    x = this.inception3b(x);
    // N x 480 x 28 x 28
    x = this.maxpool3(x);
    // N x 480 x 14 x 14
    x = this.inception4a(x);
    // N x 512 x 14 x 14
    let aux1, aux2;
    if (this.training && this.aux_logits) {    // eval model lose this layer
      aux1 = this.aux1(x);
    }

    x = this.inception4b(x);
    // N x 512 x 14 x 14
    x = this.inception4c(x);
    // N x 512 x 14 x 14
    x = this.inception4d(x);
    // N x 528 x 14 x 14
    if (this.training && this.aux_logits) {    // eval model lose this layer
      aux2 = this.aux2(x);
    }

    x = this.inception4e(x);
    // N x 832 x 14 x 14
    x = this.maxpool4(x);
    // N x 832 x 7 x 7
    x = this.inception5a(x);
    // N x 832 x 7 x 7
    x = this.inception5b(x);
    // N x 1024 x 7 x 7

    x = this.avgpool(x);
    // N x 1024 x 1 x 1
    x = torch.flatten(x, 1);
    // N x 1024
    x = this.dropout(x);
    x = this.fc(x);
    // N x 1000 (num_classes)
    if (this.training && this.aux_logits) {   // eval model lose this layer
      return tuple([x, aux2, aux1]);
    }
    return x;
  }

  _initialize_weights() {
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu');
        if (m.bias !== null) {
          nn.init.constant_(m.bias, 0);
        }
      } else if (isinstance(m, nn.Linear)) {
        nn.init.normal_(m.weight, 0, 0.01);
        nn.init.constant_(m.bias, 0);
      }
    }
  }
}


class Inception extends nn.Module {
  constructor(in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj) {
    super();

    this.branch1 = BasicConv2d(in_channels, ch1x1, kernel_size=1);

    this.branch2 = nn.Sequential(
      BasicConv2d(in_channels, ch3x3red, kernel_size=1),
      BasicConv2d(ch3x3red, ch3x3, kernel_size=3, padding=1)   // 保证输出大小等于输入大小
    );

    this.branch3 = nn.Sequential(
      BasicConv2d(in_channels, ch5x5red, kernel_size=1),
      // 在官方的实现中，其实是3x3的kernel并不是5x5，这里我也懒得改了，具体可以参考下面的issue
      // Please see https://github.com/pytorch/vision/issues/906 for details.
      BasicConv2d(ch5x5red, ch5x5, kernel_size=5, padding=2)   // 保证输出大小等于输入大小
    );

    this.branch4 = nn.Sequential(
      nn.MaxPool2d(kernel_size=3, stride=1, padding=1),
      BasicConv2d(in_channels, pool_proj, kernel_size=1)
    );
  }

  forward(x) {
    const branch1 = this.branch1(x);
    const branch2 = this.branch2(x);
    const branch3 = this.branch3(x);
    const branch4 = this.branch4(x);

    const outputs = [branch1, branch2, branch3, branch4];
    return torch.cat(outputs, 1);
  }
}


class InceptionAux extends nn.Module {
  constructor(in_channels, num_classes) {
    super();
    this.averagePool = nn.AvgPool2d(kernel_size=5, stride=3);
    this.conv = BasicConv2d(in_channels, 128, kernel_size=1);  // output[batch, 128, 4, 4]

    this.fc1 = nn.Linear(2048, 1024);
    this.fc2 = nn.Linear(1024, num_classes);
  }

  forward(x) {
    // aux1: N x 512 x 14 x 14, aux2: N x 528 x 14 x 14
    x = this.averagePool(x);
    // aux1: N x 512 x 4 x 4, aux2: N x 528 x 4 x 4
    x = this.conv(x);
    // N x 128 x 4 x 4
    x = torch.flatten(x, 1);
    x = F.dropout(x, 0.5, training=this.training);
    // N x 2048
    x = F.relu(this.fc1(x), inplace=true);
    x = F.dropout(x, 0.5, training=this.training);
    // N x 1024
    x = this.fc2(x);
    // N x num_classes
    return x;
  }
}


class BasicConv2d extends nn.Module {
  constructor(in_channels, out_channels, {...kwargs} = {}) {
    super();
    this.conv = nn.Conv2d(in_channels, out_channels, **kwargs);
    this.relu = nn.ReLU(inplace=true);
  }

  forward(x) {
    x = this.conv(x);
    x = this.relu(x);
    return x;
  }
}`,
  `const net = GoogLeNet(num_classes=5, aux_logits=true, init_weights=true);
print(net.inception3a.branch3);
print(sum(net.parameters().map((p) => p.numel())));
const loss_function = nn.CrossEntropyLoss();
const optimizer = optim.Adam(net.parameters(), lr=0.0003);
net.eval();
let out;
torch.no_grad(() => {
  out = net(torch.randn(2, 3, 64, 64));
});
print(out);`,
  `const net_eval = GoogLeNet(num_classes=5, aux_logits=false);
const [missing_keys, unexpected_keys] = net_eval.load_state_dict(net.state_dict(), strict=false);
print(missing_keys, unexpected_keys);`,
];

export const RESNET = [
  `class BasicBlock extends nn.Module {
  static expansion = 1;

  constructor(in_channel, out_channel, stride=1, downsample=null, {...kwargs} = {}) {
    super();
    this.conv1 = nn.Conv2d(in_channels=in_channel, out_channels=out_channel,
                           kernel_size=3, stride=stride, padding=1, bias=false);
    this.bn1 = nn.BatchNorm2d(out_channel);
    this.relu = nn.ReLU();
    this.conv2 = nn.Conv2d(in_channels=out_channel, out_channels=out_channel,
                           kernel_size=3, stride=1, padding=1, bias=false);
    this.bn2 = nn.BatchNorm2d(out_channel);
    this.downsample = downsample;
  }

  forward(x) {
    let identity = x;
    if (this.downsample !== null) {
      identity = this.downsample(x);
    }

    let out = this.conv1(x);
    out = this.bn1(out);
    out = this.relu(out);

    out = this.conv2(out);
    out = this.bn2(out);

    out += identity;
    out = this.relu(out);

    return out;
  }
}


class Bottleneck extends nn.Module {
  /**
   * 注意：原论文中，在虚线残差结构的主分支上，第一个1x1卷积层的步距是2，第二个3x3卷积层步距是1。
   * 但在pytorch官方实现过程中是第一个1x1卷积层的步距是1，第二个3x3卷积层步距是2，
   * 这么做的好处是能够在top1上提升大概0.5%的准确率。
   * 可参考Resnet v1.5 https://ngc.nvidia.com/catalog/model-scripts/nvidia:resnet_50_v1_5_for_pytorch
   */
  static expansion = 4;

  constructor(in_channel, out_channel, stride=1, downsample=null,
              groups=1, width_per_group=64) {
    super();

    const width = int(out_channel * (width_per_group / 64.)) * groups;

    this.conv1 = nn.Conv2d(in_channels=in_channel, out_channels=width,
                           kernel_size=1, stride=1, bias=false);  // squeeze channels
    this.bn1 = nn.BatchNorm2d(width);
    // -----------------------------------------
    this.conv2 = nn.Conv2d(in_channels=width, out_channels=width, groups=groups,
                           kernel_size=3, stride=stride, bias=false, padding=1);
    this.bn2 = nn.BatchNorm2d(width);
    // -----------------------------------------
    this.conv3 = nn.Conv2d(in_channels=width, out_channels=out_channel*Bottleneck.expansion,
                           kernel_size=1, stride=1, bias=false);  // unsqueeze channels
    this.bn3 = nn.BatchNorm2d(out_channel*Bottleneck.expansion);
    this.relu = nn.ReLU(inplace=true);
    this.downsample = downsample;
  }

  forward(x) {
    let identity = x;
    if (this.downsample !== null) {
      identity = this.downsample(x);
    }

    let out = this.conv1(x);
    out = this.bn1(out);
    out = this.relu(out);

    out = this.conv2(out);
    out = this.bn2(out);
    out = this.relu(out);

    out = this.conv3(out);
    out = this.bn3(out);

    out += identity;
    out = this.relu(out);

    return out;
  }
}


class ResNet extends nn.Module {

  constructor(block,
              blocks_num,
              num_classes=1000,
              include_top=true,
              groups=1,
              width_per_group=64) {
    super();
    this.include_top = include_top;
    this.in_channel = 64;

    this.groups = groups;
    this.width_per_group = width_per_group;

    this.conv1 = nn.Conv2d(3, this.in_channel, kernel_size=7, stride=2,
                           padding=3, bias=false);
    this.bn1 = nn.BatchNorm2d(this.in_channel);
    this.relu = nn.ReLU(inplace=true);
    this.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1);
    this.layer1 = this._make_layer(block, 64, blocks_num[0]);
    this.layer2 = this._make_layer(block, 128, blocks_num[1], stride=2);
    this.layer3 = this._make_layer(block, 256, blocks_num[2], stride=2);
    this.layer4 = this._make_layer(block, 512, blocks_num[3], stride=2);
    if (this.include_top) {
      this.avgpool = nn.AdaptiveAvgPool2d([1, 1]);  // output size = (1, 1)
      this.fc = nn.Linear(512 * block.expansion, num_classes);
    }

    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu');
      }
    }
  }

  _make_layer(block, channel, block_num, stride=1) {
    let downsample = null;
    if (stride != 1 || this.in_channel != channel * block.expansion) {
      downsample = nn.Sequential(
        nn.Conv2d(this.in_channel, channel * block.expansion, kernel_size=1, stride=stride, bias=false),
        nn.BatchNorm2d(channel * block.expansion));
    }

    const layers = [];
    layers.push(block(this.in_channel,
                      channel,
                      downsample=downsample,
                      stride=stride,
                      groups=this.groups,
                      width_per_group=this.width_per_group));
    this.in_channel = channel * block.expansion;

    for (const _ of range(1, block_num)) {
      layers.push(block(this.in_channel,
                        channel,
                        groups=this.groups,
                        width_per_group=this.width_per_group));
    }

    return nn.Sequential(...layers);
  }

  forward(x) {
    x = this.conv1(x);
    x = this.bn1(x);
    x = this.relu(x);
    x = this.maxpool(x);

    x = this.layer1(x);
    x = this.layer2(x);
    x = this.layer3(x);
    x = this.layer4(x);

    if (this.include_top) {
      x = this.avgpool(x);
      x = torch.flatten(x, 1);
      x = this.fc(x);
    }

    return x;
  }
}


function resnet34(num_classes=1000, include_top=true) {
  // https://download.pytorch.org/models/resnet34-333f7ec4.pth
  return ResNet(BasicBlock, [3, 4, 6, 3], num_classes=num_classes, include_top=include_top);
}


function resnet50(num_classes=1000, include_top=true) {
  // https://download.pytorch.org/models/resnet50-19c8e357.pth
  return ResNet(Bottleneck, [3, 4, 6, 3], num_classes=num_classes, include_top=include_top);
}


function resnet101(num_classes=1000, include_top=true) {
  // https://download.pytorch.org/models/resnet101-5d3b4d8f.pth
  return ResNet(Bottleneck, [3, 4, 23, 3], num_classes=num_classes, include_top=include_top);
}


function resnext50_32x4d(num_classes=1000, include_top=true) {
  // https://download.pytorch.org/models/resnext50_32x4d-7cdf4587.pth
  const groups = 32;
  const width_per_group = 4;
  return ResNet(Bottleneck, [3, 4, 6, 3],
                num_classes=num_classes,
                include_top=include_top,
                groups=groups,
                width_per_group=width_per_group);
}


function resnext101_32x8d(num_classes=1000, include_top=true) {
  // https://download.pytorch.org/models/resnext101_32x8d-8ba56ff5.pth
  const groups = 32;
  const width_per_group = 8;
  return ResNet(Bottleneck, [3, 4, 23, 3],
                num_classes=num_classes,
                include_top=include_top,
                groups=groups,
                width_per_group=width_per_group);
}`,
  `const net = resnet34();
print(sum(net.parameters().map((p) => p.numel())));
print(sum(resnext50_32x4d(num_classes=5).parameters().map((p) => p.numel())));
print(net.layer2[0]);`,
  `// change fc layer structure
const in_channel = net.fc.in_features;
net.fc = nn.Linear(in_channel, 5);

// define loss function
const loss_function = nn.CrossEntropyLoss();

// construct an optimizer
const params = net.parameters().filter((p) => p.requires_grad);
const optimizer = torch.optim.Adam(params, lr=0.0001);

torch.manual_seed(3);
const [images, labels] = [torch.randn(2, 3, 64, 64), torch.tensor([0, 3])];
net.train();
for (const step of range(2)) {
  optimizer.zero_grad();
  const logits = net(images);
  const loss = loss_function(logits, labels);
  loss.backward();
  optimizer.step();
  print(\`train epoch[\${1}/\${3}] loss:\${loss:.3f}\`);
}
print(net.bn1.running_mean[":4"]);`,
  `net.eval();
let output, predict, predict_cla;
torch.no_grad(() => {
  output = torch.squeeze(net(images[":1"])).cpu();
  predict = torch.softmax(output, dim=0);
  predict_cla = torch.argmax(predict).numpy();
});
print(output);
print(\`class: \${str(predict_cla)}   prob: \${predict[predict_cla].numpy():.3}\`);`,
];

export const MOBILENET = [
  `function _make_divisible(ch, divisor=8, min_ch=null) {
  /**
   * This function is taken from the original tf repo.
   * It ensures that all layers have a channel number that is divisible by 8
   * It can be seen here:
   * https://github.com/tensorflow/models/blob/master/research/slim/nets/mobilenet/mobilenet.py
   */
  if (min_ch === null) {
    min_ch = divisor;
  }
  let new_ch = max(min_ch, Math.floor(int(ch + divisor / 2) / divisor) * divisor);
  // Make sure that round down does not go down by more than 10%.
  if (new_ch < 0.9 * ch) {
    new_ch += divisor;
  }
  return new_ch;
}


class ConvBNReLU extends nn.Sequential {
  constructor(in_channel, out_channel, kernel_size=3, stride=1, groups=1) {
    const padding = Math.floor((kernel_size - 1) / 2);
    super(
      nn.Conv2d(in_channel, out_channel, kernel_size, stride, padding, groups=groups, bias=false),
      nn.BatchNorm2d(out_channel),
      nn.ReLU6(inplace=true)
    );
  }
}


class InvertedResidual extends nn.Module {
  constructor(in_channel, out_channel, stride, expand_ratio) {
    super();
    const hidden_channel = in_channel * expand_ratio;
    this.use_shortcut = stride == 1 && in_channel == out_channel;

    const layers = [];
    if (expand_ratio != 1) {
      // 1x1 pointwise conv
      layers.push(ConvBNReLU(in_channel, hidden_channel, kernel_size=1));
    }
    layers.push(...[
      // 3x3 depthwise conv
      ConvBNReLU(hidden_channel, hidden_channel, stride=stride, groups=hidden_channel),
      // 1x1 pointwise conv(linear)
      nn.Conv2d(hidden_channel, out_channel, kernel_size=1, bias=false),
      nn.BatchNorm2d(out_channel),
    ]);

    this.conv = nn.Sequential(...layers);
  }

  forward(x) {
    if (this.use_shortcut) {
      return x + this.conv(x);
    } else {
      return this.conv(x);
    }
  }
}


class MobileNetV2 extends nn.Module {
  constructor(num_classes=1000, alpha=1.0, round_nearest=8) {
    super();
    const block = InvertedResidual;
    let input_channel = _make_divisible(32 * alpha, round_nearest);
    const last_channel = _make_divisible(1280 * alpha, round_nearest);

    const inverted_residual_setting = [
      // t, c, n, s
      [1, 16, 1, 1],
      [6, 24, 2, 2],
      [6, 32, 3, 2],
      [6, 64, 4, 2],
      [6, 96, 3, 1],
      [6, 160, 3, 2],
      [6, 320, 1, 1],
    ];

    const features = [];
    // conv1 layer
    features.push(ConvBNReLU(3, input_channel, stride=2));
    // building inverted residual residual blockes
    for (const [t, c, n, s] of inverted_residual_setting) {
      const output_channel = _make_divisible(c * alpha, round_nearest);
      for (const i of range(n)) {
        const stride = i == 0 ? s : 1;
        features.push(block(input_channel, output_channel, stride, expand_ratio=t));
        input_channel = output_channel;
      }
    }
    // building last several layers
    features.push(ConvBNReLU(input_channel, last_channel, 1));
    // combine feature layers
    this.features = nn.Sequential(...features);

    // building classifier
    this.avgpool = nn.AdaptiveAvgPool2d([1, 1]);
    this.classifier = nn.Sequential(
      nn.Dropout(0.2),
      nn.Linear(last_channel, num_classes)
    );

    // weight initialization
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode='fan_out');
        if (m.bias !== null) {
          nn.init.zeros_(m.bias);
        }
      } else if (isinstance(m, nn.BatchNorm2d)) {
        nn.init.ones_(m.weight);
        nn.init.zeros_(m.bias);
      } else if (isinstance(m, nn.Linear)) {
        nn.init.normal_(m.weight, 0, 0.01);
        nn.init.zeros_(m.bias);
      }
    }
  }

  forward(x) {
    x = this.features(x);
    x = this.avgpool(x);
    x = torch.flatten(x, 1);
    x = this.classifier(x);
    return x;
  }
}`,
  `let net = MobileNetV2(num_classes=5);
print(_make_divisible(32 * 0.75), _make_divisible(1280 * 0.35), _make_divisible(24 * 0.5));
print(sum(net.parameters().map((p) => p.numel())));
print(net.features[1]);`,
  `// freeze features weights
for (const param of net.features.parameters()) {
  param.requires_grad = false;
}

// define loss function
const loss_function = nn.CrossEntropyLoss();

// construct an optimizer
const params = net.parameters().filter((p) => p.requires_grad);
const optimizer = optim.Adam(params, lr=0.0001);
print(len(params));

torch.manual_seed(5);
const [images, labels] = [torch.randn(2, 3, 64, 64), torch.tensor([2, 1])];
net.train();
for (const step of range(2)) {
  optimizer.zero_grad();
  const logits = net(images);
  const loss = loss_function(logits, labels);
  loss.backward();
  optimizer.step();
  print(\`train epoch[\${1}/\${5}] loss:\${loss:.3f}\`);
}
net.eval();
torch.no_grad(() => {
  print(net(images));
});`,
  `const partial = functools.partial;


class ConvBNActivation extends nn.Sequential {
  constructor(in_planes: number,
              out_planes: number,
              kernel_size: number = 3,
              stride: number = 1,
              groups: number = 1,
              norm_layer: any = null,
              activation_layer: any = null) {
    const padding = Math.floor((kernel_size - 1) / 2);
    if (norm_layer === null) {
      norm_layer = nn.BatchNorm2d;
    }
    if (activation_layer === null) {
      activation_layer = nn.ReLU6;
    }
    super(nn.Conv2d(in_channels=in_planes,
                    out_channels=out_planes,
                    kernel_size=kernel_size,
                    stride=stride,
                    padding=padding,
                    groups=groups,
                    bias=false),
          norm_layer(out_planes),
          activation_layer(inplace=true));
  }
}


class SqueezeExcitation extends nn.Module {
  constructor(input_c: number, squeeze_factor: number = 4) {
    super();
    const squeeze_c = _make_divisible(Math.floor(input_c / squeeze_factor), 8);
    this.fc1 = nn.Conv2d(input_c, squeeze_c, 1);
    this.fc2 = nn.Conv2d(squeeze_c, input_c, 1);
  }

  forward(x: torch.Tensor): torch.Tensor {
    let scale = F.adaptive_avg_pool2d(x, output_size=[1, 1]);
    scale = this.fc1(scale);
    scale = F.relu(scale, inplace=true);
    scale = this.fc2(scale);
    scale = F.hardsigmoid(scale, inplace=true);
    return scale * x;
  }
}


class InvertedResidualConfig {
  constructor(input_c: number,
              kernel: number,
              expanded_c: number,
              out_c: number,
              use_se: boolean,
              activation: string,
              stride: number,
              width_multi: number) {
    this.input_c = InvertedResidualConfig.adjust_channels(input_c, width_multi);
    this.kernel = kernel;
    this.expanded_c = InvertedResidualConfig.adjust_channels(expanded_c, width_multi);
    this.out_c = InvertedResidualConfig.adjust_channels(out_c, width_multi);
    this.use_se = use_se;
    this.use_hs = activation == "HS";  // whether using h-swish activation
    this.stride = stride;
  }

  static adjust_channels(channels: number, width_multi: number) {
    return _make_divisible(channels * width_multi, 8);
  }
}


class InvertedResidual extends nn.Module {
  constructor(cnf: InvertedResidualConfig,
              norm_layer: any) {
    super();

    if (![1, 2].includes(cnf.stride)) {
      throw new torch.ValueError("illegal stride value.");
    }

    this.use_res_connect = (cnf.stride == 1 && cnf.input_c == cnf.out_c);

    const layers: nn.Module[] = [];
    const activation_layer = cnf.use_hs ? nn.Hardswish : nn.ReLU;

    // expand
    if (cnf.expanded_c != cnf.input_c) {
      layers.push(ConvBNActivation(cnf.input_c,
                                   cnf.expanded_c,
                                   kernel_size=1,
                                   norm_layer=norm_layer,
                                   activation_layer=activation_layer));
    }

    // depthwise
    layers.push(ConvBNActivation(cnf.expanded_c,
                                 cnf.expanded_c,
                                 kernel_size=cnf.kernel,
                                 stride=cnf.stride,
                                 groups=cnf.expanded_c,
                                 norm_layer=norm_layer,
                                 activation_layer=activation_layer));

    if (cnf.use_se) {
      layers.push(SqueezeExcitation(cnf.expanded_c));
    }

    // project
    layers.push(ConvBNActivation(cnf.expanded_c,
                                 cnf.out_c,
                                 kernel_size=1,
                                 norm_layer=norm_layer,
                                 activation_layer=nn.Identity));

    this.block = nn.Sequential(...layers);
    this.out_channels = cnf.out_c;
    this.is_strided = cnf.stride > 1;
  }

  forward(x: torch.Tensor): torch.Tensor {
    let result = this.block(x);
    if (this.use_res_connect) {
      result += x;
    }

    return result;
  }
}


class MobileNetV3 extends nn.Module {
  constructor(inverted_residual_setting: InvertedResidualConfig[],
              last_channel: number,
              num_classes: number = 1000,
              block: any = null,
              norm_layer: any = null) {
    super();

    if (len(inverted_residual_setting) == 0) {
      throw new torch.ValueError("The inverted_residual_setting should not be empty.");
    } else if (!(isinstance(inverted_residual_setting, list) &&
                 inverted_residual_setting.every((s) => isinstance(s, InvertedResidualConfig)))) {
      throw new torch.TypeError("The inverted_residual_setting should be List[InvertedResidualConfig]");
    }

    if (block === null) {
      block = InvertedResidual;
    }

    if (norm_layer === null) {
      norm_layer = partial(nn.BatchNorm2d, eps=0.001, momentum=0.01);
    }

    const layers: nn.Module[] = [];

    // building first layer
    const firstconv_output_c = inverted_residual_setting[0].input_c;
    layers.push(ConvBNActivation(3,
                                 firstconv_output_c,
                                 kernel_size=3,
                                 stride=2,
                                 norm_layer=norm_layer,
                                 activation_layer=nn.Hardswish));
    // building inverted residual blocks
    for (const cnf of inverted_residual_setting) {
      layers.push(block(cnf, norm_layer));
    }

    // building last several layers
    const lastconv_input_c = inverted_residual_setting.at(-1).out_c;
    const lastconv_output_c = 6 * lastconv_input_c;
    layers.push(ConvBNActivation(lastconv_input_c,
                                 lastconv_output_c,
                                 kernel_size=1,
                                 norm_layer=norm_layer,
                                 activation_layer=nn.Hardswish));
    this.features = nn.Sequential(...layers);
    this.avgpool = nn.AdaptiveAvgPool2d(1);
    this.classifier = nn.Sequential(nn.Linear(lastconv_output_c, last_channel),
                                    nn.Hardswish(inplace=true),
                                    nn.Dropout(p=0.2, inplace=true),
                                    nn.Linear(last_channel, num_classes));

    // initial weights
    for (const m of this.modules()) {
      if (isinstance(m, nn.Conv2d)) {
        nn.init.kaiming_normal_(m.weight, mode="fan_out");
        if (m.bias !== null) {
          nn.init.zeros_(m.bias);
        }
      } else if (isinstance(m, [nn.BatchNorm2d, nn.GroupNorm])) {
        nn.init.ones_(m.weight);
        nn.init.zeros_(m.bias);
      } else if (isinstance(m, nn.Linear)) {
        nn.init.normal_(m.weight, 0, 0.01);
        nn.init.zeros_(m.bias);
      }
    }
  }

  _forward_impl(x: torch.Tensor): torch.Tensor {
    x = this.features(x);
    x = this.avgpool(x);
    x = torch.flatten(x, 1);
    x = this.classifier(x);

    return x;
  }

  forward(x: torch.Tensor): torch.Tensor {
    return this._forward_impl(x);
  }
}


function mobilenet_v3_large(num_classes: number = 1000,
                            reduced_tail: boolean = false): MobileNetV3 {
  const width_multi = 1.0;
  const bneck_conf = partial(InvertedResidualConfig, width_multi=width_multi);
  const adjust_channels = partial(InvertedResidualConfig.adjust_channels, width_multi=width_multi);

  const reduce_divider = reduced_tail ? 2 : 1;

  const inverted_residual_setting = [
    // input_c, kernel, expanded_c, out_c, use_se, activation, stride
    bneck_conf(16, 3, 16, 16, false, "RE", 1),
    bneck_conf(16, 3, 64, 24, false, "RE", 2),  // C1
    bneck_conf(24, 3, 72, 24, false, "RE", 1),
    bneck_conf(24, 5, 72, 40, true, "RE", 2),  // C2
    bneck_conf(40, 5, 120, 40, true, "RE", 1),
    bneck_conf(40, 5, 120, 40, true, "RE", 1),
    bneck_conf(40, 3, 240, 80, false, "HS", 2),  // C3
    bneck_conf(80, 3, 200, 80, false, "HS", 1),
    bneck_conf(80, 3, 184, 80, false, "HS", 1),
    bneck_conf(80, 3, 184, 80, false, "HS", 1),
    bneck_conf(80, 3, 480, 112, true, "HS", 1),
    bneck_conf(112, 3, 672, 112, true, "HS", 1),
    bneck_conf(112, 5, 672, Math.floor(160 / reduce_divider), true, "HS", 2),  // C4
    bneck_conf(Math.floor(160 / reduce_divider), 5, Math.floor(960 / reduce_divider), Math.floor(160 / reduce_divider), true, "HS", 1),
    bneck_conf(Math.floor(160 / reduce_divider), 5, Math.floor(960 / reduce_divider), Math.floor(160 / reduce_divider), true, "HS", 1),
  ];
  const last_channel = adjust_channels(Math.floor(1280 / reduce_divider));  // C5

  return MobileNetV3(inverted_residual_setting=inverted_residual_setting,
                     last_channel=last_channel,
                     num_classes=num_classes);
}


function mobilenet_v3_small(num_classes: number = 1000,
                            reduced_tail: boolean = false): MobileNetV3 {
  const width_multi = 1.0;
  const bneck_conf = partial(InvertedResidualConfig, width_multi=width_multi);
  const adjust_channels = partial(InvertedResidualConfig.adjust_channels, width_multi=width_multi);

  const reduce_divider = reduced_tail ? 2 : 1;

  const inverted_residual_setting = [
    // input_c, kernel, expanded_c, out_c, use_se, activation, stride
    bneck_conf(16, 3, 16, 16, true, "RE", 2),  // C1
    bneck_conf(16, 3, 72, 24, false, "RE", 2),  // C2
    bneck_conf(24, 3, 88, 24, false, "RE", 1),
    bneck_conf(24, 5, 96, 40, true, "HS", 2),  // C3
    bneck_conf(40, 5, 240, 40, true, "HS", 1),
    bneck_conf(40, 5, 240, 40, true, "HS", 1),
    bneck_conf(40, 5, 120, 48, true, "HS", 1),
    bneck_conf(48, 5, 144, 48, true, "HS", 1),
    bneck_conf(48, 5, 288, Math.floor(96 / reduce_divider), true, "HS", 2),  // C4
    bneck_conf(Math.floor(96 / reduce_divider), 5, Math.floor(576 / reduce_divider), Math.floor(96 / reduce_divider), true, "HS", 1),
    bneck_conf(Math.floor(96 / reduce_divider), 5, Math.floor(576 / reduce_divider), Math.floor(96 / reduce_divider), true, "HS", 1)
  ];
  const last_channel = adjust_channels(Math.floor(1024 / reduce_divider));  // C5

  return MobileNetV3(inverted_residual_setting=inverted_residual_setting,
                     last_channel=last_channel,
                     num_classes=num_classes);
}`,
  `const large = mobilenet_v3_large(num_classes=5);
const small = mobilenet_v3_small(num_classes=5);
print(sum(large.parameters().map((p) => p.numel())), sum(small.parameters().map((p) => p.numel())));
print(small.features[1]);
small.eval();
torch.no_grad(() => {
  print(small.features[0](torch.randn(2, 3, 32, 32)).flatten()[":5"]);
});`,
  `try {
  MobileNetV3(inverted_residual_setting=[], last_channel=1024);
} catch (e) {
  if (!(e instanceof torch.ValueError)) throw e;
  print(e.message);
}
try {
  InvertedResidual(InvertedResidualConfig(16, 3, 16, 16, false, "RE", 3, 1.0), nn.BatchNorm2d);
} catch (e) {
  if (!(e instanceof torch.ValueError)) throw e;
  print(e.message);
}`,
];

export const SHUFFLENET = [
  `function channel_shuffle(x: torch.Tensor, groups: number): torch.Tensor {

  const [batch_size, num_channels, height, width] = x.size();
  const channels_per_group = Math.floor(num_channels / groups);

  // reshape
  // [batch_size, num_channels, height, width] -> [batch_size, groups, channels_per_group, height, width]
  x = x.view(batch_size, groups, channels_per_group, height, width);

  x = torch.transpose(x, 1, 2).contiguous();

  // flatten
  x = x.view(batch_size, -1, height, width);

  return x;
}


class InvertedResidual extends nn.Module {
  constructor(input_c: number, output_c: number, stride: number) {
    super();

    if (![1, 2].includes(stride)) {
      throw new torch.ValueError("illegal stride value.");
    }
    this.stride = stride;

    assert(output_c % 2 == 0);
    const branch_features = Math.floor(output_c / 2);
    // 当stride为1时，input_channel应该是branch_features的两倍
    // python中 '<<' 是位运算，可理解为计算×2的快速方法
    assert((this.stride != 1) || (input_c == branch_features << 1));

    if (this.stride == 2) {
      this.branch1 = nn.Sequential(
        InvertedResidual.depthwise_conv(input_c, input_c, kernel_s=3, stride=this.stride, padding=1),
        nn.BatchNorm2d(input_c),
        nn.Conv2d(input_c, branch_features, kernel_size=1, stride=1, padding=0, bias=false),
        nn.BatchNorm2d(branch_features),
        nn.ReLU(inplace=true)
      );
    } else {
      this.branch1 = nn.Sequential();
    }

    this.branch2 = nn.Sequential(
      nn.Conv2d(this.stride > 1 ? input_c : branch_features, branch_features, kernel_size=1,
                stride=1, padding=0, bias=false),
      nn.BatchNorm2d(branch_features),
      nn.ReLU(inplace=true),
      InvertedResidual.depthwise_conv(branch_features, branch_features, kernel_s=3, stride=this.stride, padding=1),
      nn.BatchNorm2d(branch_features),
      nn.Conv2d(branch_features, branch_features, kernel_size=1, stride=1, padding=0, bias=false),
      nn.BatchNorm2d(branch_features),
      nn.ReLU(inplace=true)
    );
  }

  static depthwise_conv(input_c: number,
                        output_c: number,
                        kernel_s: number,
                        stride: number = 1,
                        padding: number = 0,
                        bias: boolean = false): nn.Conv2d {
    return nn.Conv2d(in_channels=input_c, out_channels=output_c, kernel_size=kernel_s,
                     stride=stride, padding=padding, bias=bias, groups=input_c);
  }

  forward(x: torch.Tensor): torch.Tensor {
    let out;
    if (this.stride == 1) {
      const [x1, x2] = x.chunk(2, dim=1);
      out = torch.cat([x1, this.branch2(x2)], dim=1);
    } else {
      out = torch.cat([this.branch1(x), this.branch2(x)], dim=1);
    }

    out = channel_shuffle(out, 2);

    return out;
  }
}


class ShuffleNetV2 extends nn.Module {
  constructor(stages_repeats: number[],
              stages_out_channels: number[],
              num_classes: number = 1000,
              inverted_residual: any = InvertedResidual) {
    super();

    if (len(stages_repeats) != 3) {
      throw new torch.ValueError("expected stages_repeats as list of 3 positive ints");
    }
    if (len(stages_out_channels) != 5) {
      throw new torch.ValueError("expected stages_out_channels as list of 5 positive ints");
    }
    this._stage_out_channels = stages_out_channels;

    // input RGB image
    let input_channels = 3;
    let output_channels = this._stage_out_channels[0];

    this.conv1 = nn.Sequential(
      nn.Conv2d(input_channels, output_channels, kernel_size=3, stride=2, padding=1, bias=false),
      nn.BatchNorm2d(output_channels),
      nn.ReLU(inplace=true)
    );
    input_channels = output_channels;

    this.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1);

    // Static annotations for mypy
    this.stage2 = null as nn.Sequential;
    this.stage3 = null as nn.Sequential;
    this.stage4 = null as nn.Sequential;

    const stage_names = [2, 3, 4].map((i) => \`stage\${i}\`);
    for (const [name, repeats, output_channels] of zip(stage_names, stages_repeats,
                                                       this._stage_out_channels.slice(1))) {
      const seq = [inverted_residual(input_channels, output_channels, 2)];
      for (const i of range(repeats - 1)) {
        seq.push(inverted_residual(output_channels, output_channels, 1));
      }
      setattr(this, name, nn.Sequential(...seq));
      input_channels = output_channels;
    }

    output_channels = this._stage_out_channels.at(-1);
    this.conv5 = nn.Sequential(
      nn.Conv2d(input_channels, output_channels, kernel_size=1, stride=1, padding=0, bias=false),
      nn.BatchNorm2d(output_channels),
      nn.ReLU(inplace=true)
    );

    this.fc = nn.Linear(output_channels, num_classes);
  }

  _forward_impl(x: torch.Tensor): torch.Tensor {
    // See note [TorchScript super()]
    x = this.conv1(x);
    x = this.maxpool(x);
    x = this.stage2(x);
    x = this.stage3(x);
    x = this.stage4(x);
    x = this.conv5(x);
    x = x.mean([2, 3]);  // global pool
    x = this.fc(x);
    return x;
  }

  forward(x: torch.Tensor): torch.Tensor {
    return this._forward_impl(x);
  }
}


function shufflenet_v2_x0_5(num_classes=1000) {
  const model = ShuffleNetV2(stages_repeats=[4, 8, 4],
                             stages_out_channels=[24, 48, 96, 192, 1024],
                             num_classes=num_classes);

  return model;
}


function shufflenet_v2_x1_0(num_classes=1000) {
  const model = ShuffleNetV2(stages_repeats=[4, 8, 4],
                             stages_out_channels=[24, 116, 232, 464, 1024],
                             num_classes=num_classes);

  return model;
}`,
  `print(channel_shuffle(torch.arange(8.).view(1, 4, 1, 2), 2));
const model = shufflenet_v2_x1_0(num_classes=5);
print(sum(model.parameters().map((p) => p.numel())));
print(model.stage2[1]);`,
  `function train_one_epoch(model, optimizer, data_loader, device, epoch) {
  model.train();
  const loss_function = torch.nn.CrossEntropyLoss();
  let mean_loss = torch.zeros(1).to(device);
  optimizer.zero_grad();

  for (const [step, data] of enumerate(data_loader)) {
    const [images, labels] = data;

    const pred = model(images.to(device));

    const loss = loss_function(pred, labels.to(device));
    loss.backward();
    mean_loss = (mean_loss * step + loss.detach()) / (step + 1);  // update mean losses

    print(\`[epoch \${epoch}] mean loss \${round(mean_loss.item(), 3)}\`);

    if (!torch.isfinite(loss)) {
      print('WARNING: non-finite loss, ending training ', loss);
      throw new Error("non-finite loss");
    }

    optimizer.step();
    optimizer.zero_grad();
  }

  return mean_loss.item();
}


function evaluate(model, data_loader, device) {
  return torch.no_grad(() => {
    model.eval();

    // 验证样本总个数
    const total_num = len(data_loader.dataset);

    // 用于存储预测正确的样本个数
    const sum_num = torch.zeros(1).to(device);

    for (const [step, data] of enumerate(data_loader)) {
      const [images, labels] = data;
      let pred = model(images.to(device));
      pred = torch.max(pred, dim=1)[1];
      sum_num += torch.eq(pred, labels.to(device)).sum();
    }

    return sum_num.item() / total_num;
  });
}`,
  `const device = torch.device("cpu");
torch.manual_seed(11);
const train_set = torch.utils.data.TensorDataset(torch.randn(4, 3, 64, 64), torch.tensor([0, 1, 2, 3]));
const train_loader = torch.utils.data.DataLoader(train_set, batch_size=4, shuffle=true);
const val_loader = torch.utils.data.DataLoader(train_set, batch_size=2, shuffle=false);
const [epochs, lrf] = [1, 0.1];

const pg = model.parameters().filter((p) => p.requires_grad);
const optimizer = optim.SGD(pg, lr=0.01, momentum=0.9, weight_decay=4E-5);
// Scheduler https://arxiv.org/pdf/1812.01187.pdf
const lf = (x) => ((1 + math.cos(x * math.pi / epochs)) / 2) * (1 - lrf) + lrf;  // cosine
const scheduler = optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lf);

for (const epoch of range(epochs)) {
  // train
  const mean_loss = train_one_epoch(model=model,
                                    optimizer=optimizer,
                                    data_loader=train_loader,
                                    device=device,
                                    epoch=epoch);

  scheduler.step();

  // validate
  const acc = evaluate(model=model,
                       data_loader=val_loader,
                       device=device);

  print(\`[epoch \${epoch}] accuracy: \${round(acc, 3)}\`);
  print(round(mean_loss, 4), optimizer.param_groups[0]["lr"]);
}`,
];

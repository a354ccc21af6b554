/**
 * torchvision.models beyond the state_dict: weights enums and their metadata, the preprocessing
 * preset, builder options and their errors, gradients against PyTorch's, fine-tuning as PyTorch's
 * transfer-learning tutorial does it, and the class names whole-module loading looks up.
 */
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import { formulaInput, formulaStateDict, hashUniform, loadCases } from "./models_formula";

const { models } = torchvision;
const { nn, optim } = torch;
const fixture = loadCases();

function close(got: number[], want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  const bad = got.map((g, i) => [i, g, want[i]]).filter(([, g, w]) => !(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w))));
  expect(bad.slice(0, 5)).toEqual([]);
}

function quiet<T>(fn: () => T): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(((w: string | Error) => void warnings.push(String(w))) as typeof process.emitWarning);
  try {
    return { value: fn(), warnings };
  } finally {
    spy.mockRestore();
  }
}

describe("weights enums", () => {
  test("members, the DEFAULT alias, and Python's repr", () => {
    expect(models.ResNet18_Weights.DEFAULT).toBe(models.ResNet18_Weights.IMAGENET1K_V1);
    expect(models.ResNet50_Weights.DEFAULT).toBe(models.ResNet50_Weights.IMAGENET1K_V2);
    expect(models.MobileNet_V2_Weights.DEFAULT).toBe(models.MobileNet_V2_Weights.IMAGENET1K_V2);
    expect(String(models.ResNet50_Weights.DEFAULT)).toBe(fixture.presets.weights_repr);
    expect(String(models.VGG16_Weights.IMAGENET1K_FEATURES)).toBe("VGG16_Weights.IMAGENET1K_FEATURES");
    expect(models.ResNet18_Weights.IMAGENET1K_V1.url).toBe("https://download.pytorch.org/models/resnet18-f37072fd.pth");
    expect(models.VGG16_Weights.DEFAULT.url).toBe("https://download.pytorch.org/models/vgg16-397923af.pth");
  });

  test("meta: the 1000 ImageNet categories in torchvision's order, sizes, metrics", () => {
    const meta = models.ResNet18_Weights.DEFAULT.meta;
    expect(meta.categories?.length).toBe(1000);
    expect(new Set(meta.categories).size).toBe(1000);
    expect([meta.categories?.[0], meta.categories?.[207], meta.categories?.[999]]).toEqual(["tench", "golden retriever", "toilet tissue"]);
    expect(models.AlexNet_Weights.DEFAULT.meta.min_size).toEqual([63, 63]);
    expect(models.VGG16_Weights.IMAGENET1K_FEATURES.meta.categories).toBeNull();
    expect(models.ResNet50_Weights.IMAGENET1K_V2.meta._metrics["ImageNet-1K"]["acc@1"]).toBe(80.858);
  });

  test.each([
    ["resnet18", models.ResNet18_Weights],
    ["resnet50", models.ResNet50_Weights],
    ["mobilenet_v2", models.MobileNet_V2_Weights],
    ["squeezenet1_0", models.SqueezeNet1_0_Weights],
    ["squeezenet1_1", models.SqueezeNet1_1_Weights],
  ] as const)("%s's 1000-class parameter count is the weights' num_params", (name, enumCls) => {
    const m = (models as unknown as Record<string, () => InstanceType<typeof nn.Module>>)[name]();
    expect(m.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(enumCls.DEFAULT.meta.num_params);
  });

  test("verify: members and names become members; anything else is refused with the valid names", () => {
    const W = models.ResNet18_Weights;
    expect(W.verify("IMAGENET1K_V1")).toBe(W.IMAGENET1K_V1);
    expect(W.verify("ResNet18_Weights.DEFAULT")).toBe(W.IMAGENET1K_V1);
    expect(W.verify(null)).toBeNull();
    expect(() => W.verify("IMAGENET1K_V9")).toThrow("Invalid value IMAGENET1K_V9 for enum ResNet18_Weights. Valid: IMAGENET1K_V1, DEFAULT");
    expect(() => W.verify(models.ResNet34_Weights.DEFAULT as never)).toThrow("Invalid Weight class provided; expected ResNet18_Weights but received ResNet34_Weights.");
  });
});

describe("weights.transforms(): torchvision's ImageClassification preset", () => {
  const p = fixture.presets;

  test("repr as torchvision prints it", () => {
    expect(String(models.ResNet50_Weights.DEFAULT.transforms())).toBe(p.repr);
  });

  test("resize 256 / crop 224 by default, and the resized size of the V2 recipes", () => {
    const t = models.ResNet18_Weights.DEFAULT.transforms();
    expect([t.resize_size, t.crop_size, t.mean, t.std]).toEqual([[256], [224], [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]]);
    expect(models.MobileNet_V2_Weights.IMAGENET1K_V2.transforms().resize_size).toEqual([232]);
    const img = torch.randint(0, 256, [3, 300, 400], { dtype: "uint8" });
    expect(t(img).shape).toEqual([3, 224, 224]);
    expect(t(img.unsqueeze(0)).shape).toEqual([1, 3, 224, 224]);
  });

  test("outputs equal torchvision's on a uint8 and on a float image", () => {
    const preset = new models.ImageClassification({ crop_size: 16, resize_size: 20 });
    const img = torch.tensor(p.image, { dtype: "uint8" }).reshape(p.image_shape);
    const a = preset(img);
    expect(a.shape).toEqual(p.output_shape);
    close(Array.from(a.dataSync()), p.uint8_output, 1e-4);
    close(Array.from(preset(img.float().div(255)).dataSync()), p.float_output, 1e-4);
  });

  test("a decoded Image goes through as torchvision's PIL path does: a float tensor out", () => {
    const img = torchvision.transforms.functional.to_pil_image(torch.randint(0, 256, [3, 30, 40], { dtype: "uint8" }));
    const out = new models.ImageClassification({ crop_size: 16, resize_size: 20 })(img);
    expect([out.shape, out.dtype]).toEqual([[3, 16, 16], torch.float32]);
  });
});

describe("builders and classes", () => {
  test("each class carries PyTorch's name and Python module (what whole-module unpickling looks up)", () => {
    const want: [unknown, string, string][] = [
      [models.ResNet, "ResNet", "torchvision.models.resnet"],
      [models.BasicBlock, "BasicBlock", "torchvision.models.resnet"],
      [models.Bottleneck, "Bottleneck", "torchvision.models.resnet"],
      [models.VGG, "VGG", "torchvision.models.vgg"],
      [models.AlexNet, "AlexNet", "torchvision.models.alexnet"],
      [models.MobileNetV2, "MobileNetV2", "torchvision.models.mobilenetv2"],
      [models.InvertedResidual, "InvertedResidual", "torchvision.models.mobilenetv2"],
      [models.Conv2dNormActivation, "Conv2dNormActivation", "torchvision.ops.misc"],
      [models.SqueezeNet, "SqueezeNet", "torchvision.models.squeezenet"],
      [models.Fire, "Fire", "torchvision.models.squeezenet"],
      [models.ImageClassification, "ImageClassification", "torchvision.transforms._presets"],
    ];
    for (const [cls, name, mod] of want) expect([(cls as { name: string }).name, (cls as { __module__: string }).__module__]).toEqual([name, mod]);
  });

  test.each(Object.entries(fixture.reprs))("repr of %s is torchvision's", (call, want) => {
    const ctors: Record<string, () => InstanceType<typeof nn.Module>> = {
      "Fire(64, 16, 64, 64)": () => new models.Fire(64, 16, 64, 64),
      "Conv2dNormActivation(3, 32, stride=2, activation_layer=ReLU6)": () => new models.Conv2dNormActivation(3, 32, { stride: 2, activation_layer: nn.ReLU6 }),
      "BasicBlock(64, 64)": () => new models.BasicBlock(64, 64),
      "Bottleneck(256, 64)": () => new models.Bottleneck(256, 64),
      "InvertedResidual(16, 24, 2, 6)": () => new models.InvertedResidual(16, 24, 2, 6),
    };
    expect(String(ctors[call]())).toBe(want);
  });

  test("zero_init_residual zeroes the last BatchNorm of each block; width_per_group widens the Bottleneck", () => {
    const r18 = models.resnet18({ zero_init_residual: true });
    expect(r18.layer1[0] instanceof models.BasicBlock).toBe(true);
    const b = r18.layer3[1] as InstanceType<typeof models.BasicBlock>;
    expect((b.bn2 as InstanceType<typeof nn.BatchNorm2d>).weight?.abs().max().item()).toBe(0);
    expect((b.bn1 as InstanceType<typeof nn.BatchNorm2d>).weight?.min().item()).toBe(1);
    const wide = new models.ResNet(models.Bottleneck, [1, 1, 1, 1], { width_per_group: 128, zero_init_residual: true, num_classes: 3 });
    const blk = wide.layer1[0] as InstanceType<typeof models.Bottleneck>;
    expect(blk.conv1.weight.shape).toEqual([128, 64, 1, 1]);
    expect((blk.bn3 as InstanceType<typeof nn.BatchNorm2d>).weight?.abs().max().item()).toBe(0);
    expect(wide.eval()(torch.rand(1, 3, 16, 16)).shape).toEqual([1, 3]);
  });

  test("dropout, num_classes and the constructor forms of PyTorch", () => {
    const m = models.mobilenet_v2({ num_classes: 7, dropout: 0.3, width_mult: 0.25 });
    expect((m.classifier[0] as InstanceType<typeof nn.Dropout>).p).toBe(0.3);
    expect((m.classifier[1] as InstanceType<typeof nn.Linear>).out_features).toBe(7);
    expect(new models.SqueezeNet("1_1", 5, 0.1).num_classes).toBe(5);
    expect(() => new models.SqueezeNet("1_2" as "1_1")).toThrow("Unsupported SqueezeNet version 1_2: 1_0 or 1_1 expected");
    expect(() => new models.InvertedResidual(16, 16, 3, 6)).toThrow("stride should be 1 or 2 insted of 3");
    expect(() => new models.BasicBlock(64, 64, { groups: 2 })).toThrow("BasicBlock only supports groups=1 and base_width=64");
    expect(() => new models.BasicBlock(64, 64, { dilation: 2 })).toThrow("Dilation > 1 not supported in BasicBlock");
    expect(() => new models.ResNet(models.BasicBlock, [2, 2, 2], {})).toThrow("layers must be 4 positive block counts");
    expect(() => new models.ResNet(models.BasicBlock, [1, 1, 1, 1], { replace_stride_with_dilation: [true] })).toThrow("replace_stride_with_dilation should be None or a 3-element tuple");
    expect(models._make_divisible(32 * 0.35, 8)).toBe(16);
  });

  test("replace_stride_with_dilation keeps the resolution of layer4 (segmentation backbones)", () => {
    const m = new models.ResNet(models.Bottleneck, [1, 1, 1, 1], { replace_stride_with_dilation: [false, true, true], num_classes: 2 }).eval();
    const feats: Tensor[] = [];
    m.layer4.register_forward_hook((_m, _i, out) => void feats.push(out));
    m(torch.rand(1, 3, 64, 64));
    expect(feats[0].shape).toEqual([1, 2048, 8, 8]);
  });

  test("builder errors: an unknown option, a num_classes the weights contradict, a weights value that is neither a member nor a file", () => {
    expect(() => models.resnet18({ num_clases: 10 } as never)).toThrow("resnet18() got an unexpected keyword argument 'num_clases'");
    expect(() => models.resnet18({ weights: "DEFAULT", num_classes: 10 })).toThrow("The parameter 'num_classes' expected value 1000 but got 10 instead.");
    expect(() => models.vgg16({ weights: "IMAGENET1K_V2" })).toThrow("vgg16(): weights='IMAGENET1K_V2' is neither a member of VGG16_Weights (IMAGENET1K_V1, IMAGENET1K_FEATURES, DEFAULT) nor an existing checkpoint file");
    expect(() => models.alexnet({ weights: models.ResNet18_Weights.DEFAULT as never })).toThrow("expected AlexNet_Weights but received ResNet18_Weights");
  });

  test("pretrained: false is torchvision's deprecated spelling of weights: null, with its warning", () => {
    const { value, warnings } = quiet(() => models.squeezenet1_1({ pretrained: false, num_classes: 4 }));
    expect(value.num_classes).toBe(4);
    expect(warnings.join("\n")).toContain("The parameter 'pretrained' is deprecated since 0.13");
  });
});

describe("gradients equal PyTorch's (eval mode, loss sum(y * c))", () => {
  test.each(Object.entries(fixture.cases).filter(([, c]) => c.grads !== null))("%s", (_id, c) => {
    const model = (models as unknown as Record<string, (o: object) => InstanceType<typeof nn.Module>>)[c.builder](c.kwargs);
    model.load_state_dict(formulaStateDict(c.keys));
    model.eval();
    const x = formulaInput(c.input_shape, c.grad_input_k as number).requires_grad_(true);
    const y = model(x) as Tensor;
    const w = torch.from_typed(Float32Array.from(hashUniform(y.numel(), 777)), y.shape);
    y.mul(w).sum().backward();
    const grads = c.grads as Record<string, [number, number]>;
    // The input keeps every ReLU input and max-pool runner-up well clear of float32 noise (see
    // gen_models.py): one element rounded to the other side of a ReLU flips a gradient path, which is
    // how the shared input once moved resnet18's early gradients by 0.2% on both float32 sides alike.
    // With that input all three cases agree to 1e-5 on wasm; 1e-4 leaves room for other backends.
    const tol = 1e-4;
    for (const [k, p] of model.named_parameters()) {
      const g = p.grad as Tensor;
      const [sum, abs] = grads[k];
      // The sum may cancel to near 0; the absolute sum is the scale for both.
      expect([k, Math.abs(g.sum().item() - sum) <= tol * Math.max(1, abs)]).toEqual([k, true]);
      expect([k, Math.abs(g.abs().sum().item() - abs) <= tol * Math.max(1, abs)]).toEqual([k, true]);
    }
    const gx = x.grad as Tensor;
    expect(Math.abs(gx.abs().sum().item() - grads.input[1])).toBeLessThanOrEqual(tol * Math.max(1, grads.input[1]));
  }, 120_000);
});

describe("fine-tuning as PyTorch's transfer-learning tutorial does it", () => {
  test("a frozen resnet18 backbone with a new fc: only the head learns, and the loss falls", () => {
    function finetune(): { losses: number[]; backboneMoved: boolean; headMoved: boolean } {
      torch.manual_seed(0);
      const model = models.resnet18();
      for (const p of model.parameters()) p.requires_grad_(false);
      model.fc = new nn.Linear(model.fc.in_features, 3);
      const before = model.conv1.weight.clone();
      const headBefore = model.fc.weight.clone();
      const optimizer = new optim.SGD(model.fc.parameters(), { lr: 0.05, momentum: 0.9 });
      const criterion = new nn.CrossEntropyLoss();
      const inputs = torch.randn(6, 3, 32, 32);
      const labels = torch.tensor([0, 1, 2, 0, 1, 2]);
      const losses: number[] = [];
      model.train();
      for (let epoch = 0; epoch < 8; epoch++) {
        optimizer.zero_grad();
        const loss = criterion(model(inputs), labels);
        loss.backward();
        optimizer.step();
        losses.push(loss.item());
      }
      return { losses, backboneMoved: !torch.equal(model.conv1.weight, before), headMoved: !torch.equal(model.fc.weight, headBefore) };
    }
    const r = finetune();
    expect(r.backboneMoved).toBe(false);
    expect(r.headMoved).toBe(true);
    expect(r.losses[r.losses.length - 1]).toBeLessThan(r.losses[0] * 0.8);
  }, 120_000);

  test("training a whole small mobilenet_v2 reaches every parameter (ReLU6 in place, depthwise convs, residual adds)", () => {
    const model = models.mobilenet_v2({ num_classes: 2, width_mult: 0.25 });
    model.train();
    const out = model(torch.randn(2, 3, 32, 32));
    new nn.CrossEntropyLoss()(out, torch.tensor([0, 1])).backward();
    expect(model.named_parameters().filter(([, p]) => p.grad === null).map(([k]) => k)).toEqual([]);
    // A bias feeding a 1x1 conv and a training-mode BatchNorm gets an exactly-zero gradient (the
    // BatchNorm's input gradient has zero mean per channel): only weights must all have moved.
    const still = model.named_parameters().filter(([k, p]) => k.endsWith("weight") && !((p.grad as Tensor).abs().sum().item() > 0)).map(([k]) => k);
    expect(still).toEqual([]);
  }, 120_000);
});

/**
 * pytorch/tutorials intermediate_source/pruning_tutorial.py as notebook cells (the notebook dialect:
 * `100. * ...` float literals, `==` on tensors, top-level loops), one cell per tutorial cell; each
 * `print(x)` is `console.log(x)`, `list(it)` is `[...it]`, `dict(it).keys()` is `Object.keys(...)`,
 * `model.fc3.bias_mask` (an attribute TypeScript cannot know) is `model.fc3.get_buffer("bias_mask")`.
 */
export const PRUNING_CELLS = [
  `torch.manual_seed(0);
const device = torch.device("cpu");

class LeNet extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;
  constructor() {
    super();
    // 1 input image channel, 6 output channels, 3x3 square conv kernel
    this.conv1 = new nn.Conv2d(1, 6, 3);
    this.conv2 = new nn.Conv2d(6, 16, 3);
    this.fc1 = new nn.Linear(16 * 5 * 5, 120);  // 5x5 image dimension
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.flatten({start_dim: 1});
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}

let model = new LeNet().to({device: device});`,
  `const prune = nn.utils.prune;
let module = model.conv1;
console.log([...module.named_parameters()]);`,
  `console.log([...module.named_buffers()]);`,
  `prune.random_unstructured(module, {name: "weight", amount: 0.3});`,
  `console.log([...module.named_parameters()]);`,
  `console.log([...module.named_buffers()]);`,
  `console.log(module.weight);`,
  `console.log(module._forward_pre_hooks);`,
  `prune.l1_unstructured(module, {name: "bias", amount: 3});`,
  `console.log([...module.named_parameters()]);`,
  `console.log([...module.named_buffers()]);`,
  `console.log(module.bias);`,
  `console.log(module._forward_pre_hooks);`,
  `prune.ln_structured(module, {name: "weight", amount: 0.5, n: 2, dim: 0});

// As we can verify, this will zero out all the connections corresponding to
// 50% (3 out of 6) of the channels, while preserving the action of the
// previous mask.
console.log(module.weight);`,
  `let hook: any;
for (hook of module._forward_pre_hooks.values()) {
  if (hook._tensor_name == "weight") {  // select out the correct hook
    break;
  }
}

console.log([...hook]);  // pruning history in the container`,
  `console.log(Object.keys(model.state_dict()));`,
  `console.log([...module.named_parameters()]);`,
  `console.log([...module.named_buffers()]);`,
  `console.log(module.weight);`,
  `prune.remove(module, 'weight');
console.log([...module.named_parameters()]);`,
  `console.log([...module.named_buffers()]);`,
  `let new_model = new LeNet();
for (const [name, module] of new_model.named_modules()) {
  // prune 20% of connections in all 2D-conv layers
  if (module instanceof torch.nn.Conv2d) {
    prune.l1_unstructured(module, {name: 'weight', amount: 0.2});
  // prune 40% of connections in all linear layers
  } else if (module instanceof torch.nn.Linear) {
    prune.l1_unstructured(module, {name: 'weight', amount: 0.4});
  }
}

console.log(Object.keys(Object.fromEntries(new_model.named_buffers())));  // to verify that all masks exist`,
  `model = new LeNet();

const parameters_to_prune: [nn.Module, string][] = [
  [model.conv1, 'weight'],
  [model.conv2, 'weight'],
  [model.fc1, 'weight'],
  [model.fc2, 'weight'],
  [model.fc3, 'weight'],
];

prune.global_unstructured(
  parameters_to_prune,
  {pruning_method: prune.L1Unstructured,
  amount: 0.2},
);`,
  `const fmt = (x: number) => x.toFixed(2);
console.log(\`Sparsity in conv1.weight: \${fmt(100. * torch.sum(model.conv1.weight == 0).item() / model.conv1.weight.nelement())}%\`);
console.log(\`Sparsity in conv2.weight: \${fmt(100. * torch.sum(model.conv2.weight == 0).item() / model.conv2.weight.nelement())}%\`);
console.log(\`Sparsity in fc1.weight: \${fmt(100. * torch.sum(model.fc1.weight == 0).item() / model.fc1.weight.nelement())}%\`);
console.log(\`Sparsity in fc2.weight: \${fmt(100. * torch.sum(model.fc2.weight == 0).item() / model.fc2.weight.nelement())}%\`);
console.log(\`Sparsity in fc3.weight: \${fmt(100. * torch.sum(model.fc3.weight == 0).item() / model.fc3.weight.nelement())}%\`);
console.log(\`Global sparsity: \${fmt(
  100. * (
    torch.sum(model.conv1.weight == 0)
    + torch.sum(model.conv2.weight == 0)
    + torch.sum(model.fc1.weight == 0)
    + torch.sum(model.fc2.weight == 0)
    + torch.sum(model.fc3.weight == 0)
  ).item()
  / (
    model.conv1.weight.nelement()
    + model.conv2.weight.nelement()
    + model.fc1.weight.nelement()
    + model.fc2.weight.nelement()
    + model.fc3.weight.nelement()
  )
)}%\`);`,
  `/** Prune every other entry in a tensor */
class FooBarPruningMethod extends prune.BasePruningMethod {
  PRUNING_TYPE = 'unstructured' as const;

  compute_mask(t: torch.Tensor, default_mask: torch.Tensor): torch.Tensor {
    const mask = default_mask.clone();
    mask.flatten()["::2"] = 0;
    return mask;
  }
}`,
  `function foobar_unstructured(module: nn.Module, name: string): nn.Module {
  FooBarPruningMethod.apply(module, name);
  return module;
}`,
  `model = new LeNet();
foobar_unstructured(model.fc3, 'bias');

console.log(model.fc3.get_buffer("bias_mask"));`,
];

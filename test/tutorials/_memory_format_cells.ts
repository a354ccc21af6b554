/**
 * pytorch/tutorials intermediate_source/memory_format_tutorial.py, its CPU lines, as one notebook cell in
 * the notebook dialect (keyword arguments, `print`), run after the pruning and parametrizations cells of
 * pt_tutorials_notebook.test.ts: the whole tutorial sits in a block `{ ... }` so that its `model`, `x`,
 * `input` do not meet the earlier cells' names. The cudnn cell runs on the CPU in float32 (no
 * `.cuda().half()`); the tuple `(2, 8, 4, 4)` is the array `[2, 8, 4, 4]`. What it prints must be
 * gen_tutorials6.py's `printed` (section memory_format), character for character.
 */
export const MEMORY_FORMAT_CELLS = [
  `{
let [N, C, H, W] = [10, 3, 32, 32];
let x = torch.empty(N, C, H, W);
print(x.stride());  // Ouputs: (3072, 1024, 32, 1)

x = x.to(memory_format=torch.channels_last);
print(x.shape);  // Outputs: (10, 3, 32, 32) as dimensions order preserved
print(x.stride());  // Outputs: (3072, 1, 96, 3)

x = x.to(memory_format=torch.contiguous_format);
print(x.stride());  // Outputs: (3072, 1024, 32, 1)

x = x.contiguous(memory_format=torch.channels_last);
print(x.stride());  // Ouputs: (3072, 1, 96, 3)

print(x.is_contiguous(memory_format=torch.channels_last));  // Ouputs: True

let special_x = torch.empty(4, 1, 4, 4);
print(special_x.is_contiguous(memory_format=torch.channels_last));  // Ouputs: True
print(special_x.is_contiguous(memory_format=torch.contiguous_format));  // Ouputs: True

x = torch.empty(N, C, H, W, memory_format=torch.channels_last);
print(x.stride());  // Ouputs: (3072, 1, 96, 3)

let y = x.clone();
print(y.stride());  // Ouputs: (3072, 1, 96, 3)

y = torch.empty_like(x);
print(y.stride());  // Ouputs: (3072, 1, 96, 3)

let z = x + y;
print(z.stride());  // Ouputs: (3072, 1, 96, 3)

torch.manual_seed(0);
let model = torch.nn.Conv2d(8, 4, 3);
model = model.to(memory_format=torch.channels_last);  // Module parameters need to be channels last

let input = torch.randint(1, 10, [2, 8, 4, 4], dtype=torch.float32, requires_grad=True);
input = input.to(memory_format=torch.channels_last);

let out = model(input);
print(out.is_contiguous(memory_format=torch.channels_last));  // Ouputs: True
print(torch.channels_last, torch.contiguous_format, torch.preserve_format, torch.channels_last_3d);
}`,
];

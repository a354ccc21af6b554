import { torch, display, torchinfo } from "../../src";
import { ModelStatistics } from "../../src/display/summary";
import { recordDisplays } from "./helpers";

const { nn } = torch;
const sink = recordDisplays();

// The net of the course's LeNet chapter, with a BatchNorm; PyTorch 1.13 gives 34,634 parameters and
// the output shapes asserted below for a [2, 1, 28, 28] input.
class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 6, 5);
  bn = new nn.BatchNorm2d(6);
  pool = new nn.MaxPool2d(2);
  conv2 = new nn.Conv2d(6, 16, 5);
  fc = new nn.Sequential(new nn.Flatten(), new nn.Linear(256, 120), new nn.ReLU(), new nn.Linear(120, 10));
  forward(x: InstanceType<typeof torch.Tensor>) {
    x = this.pool(this.bn(this.conv1(x)).relu());
    x = this.pool(this.conv2(x).relu());
    return this.fc(x);
  }
}

describe("torchinfo.summary", () => {
  test("rows in call order with depth, depth-idx, shapes and parameter counts", () => {
    const s = torchinfo.summary(new Net(), { input_size: [2, 1, 28, 28] });
    expect(s).toBeInstanceOf(ModelStatistics);
    expect(s.summary_list.map((r) => [r.name, r.class_name, r.depth, r.depth_index, r.output_size, r.num_params])).toEqual([
      ["", "Net", 0, 1, [2, 10], 34634],
      ["conv1", "Conv2d", 1, 1, [2, 6, 24, 24], 156],
      ["bn", "BatchNorm2d", 1, 2, [2, 6, 24, 24], 12],
      ["pool", "MaxPool2d", 1, 3, [2, 6, 12, 12], 0],
      ["conv2", "Conv2d", 1, 4, [2, 16, 8, 8], 2416],
      ["pool", "MaxPool2d", 1, 5, [2, 16, 4, 4], 0],
      ["fc", "Sequential", 1, 6, [2, 10], 32050],
      ["fc.0", "Flatten", 2, 1, [2, 256], 0],
      ["fc.1", "Linear", 2, 2, [2, 120], 30840],
      ["fc.2", "ReLU", 2, 3, [2, 120], 0],
      ["fc.3", "Linear", 2, 4, [2, 10], 1210],
    ]);
    expect([s.total_params, s.trainable_params, s.non_trainable_params]).toEqual([34634, 34634, 0]);
    // torchinfo's mult-adds: conv params x (N * H_out * W_out), others x N.
    expect(s.total_mult_adds).toBe(156 * 2 * 24 * 24 + 12 * 2 + 2416 * 2 * 8 * 8 + 30840 * 2 + 1210 * 2);
    expect(s.total_input).toBe(2 * 784 * 4);
    const leafOutputs = 6912 + 6912 + 1728 + 2048 + 512 + 512 + 240 + 240 + 20;
    expect(s.total_output_bytes).toBe(leafOutputs * 4 * 2);
    expect(s.total_param_bytes).toBe(34634 * 4);
  });

  test("the text table reads like torchinfo's", () => {
    const text = String(torchinfo.summary(new Net(), { input_size: [2, 1, 28, 28] }));
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^Layer \(type:depth-idx\)\s+Output Shape\s+Param #$/);
    expect(lines).toContain(`${"├─Conv2d: 1-1".padEnd(40)}${"[2, 6, 24, 24]".padEnd(25)}156`);
    expect(lines).toContain(`${"│    └─Linear: 2-2".padEnd(40)}${"[2, 120]".padEnd(25)}30,840`);
    expect(lines[0]).toBe("=".repeat(90));
    expect(lines).toContain("Total params: 34,634");
    expect(lines).toContain("Trainable params: 34,634");
    expect(lines).toContain("Non-trainable params: 0");
    expect(lines).toContain("Total mult-adds (K): 553.08");
    expect(lines).toContain("Input size (MB): 0.01");
    expect(lines).toContain("Forward/backward pass size (MB): 0.15");
    expect(lines).toContain("Params size (MB): 0.14");
    expect(lines).toContain("Estimated Total Size (MB): 0.30");
    // The container shows "--": its children's rows carry the counts.
    expect(text).toMatch(/├─Sequential: 1-6\s+\[2, 10\]\s+--/);
  });

  test("depth folds deeper rows into their parent, whose counts then include them", () => {
    const text = String(torchinfo.summary(new Net(), { input_size: [1, 1, 28, 28], depth: 1, col_names: ["output_size", "num_params", "mult_adds"] }));
    expect(text).not.toContain("Linear");
    expect(text).toMatch(/├─Sequential: 1-6\s+\[1, 10\]\s+32,050\s+32,050/);
  });

  test("frozen layers are non-trainable; the trainable column says so", () => {
    const net = new Net();
    net.conv1.requires_grad_(false);
    const s = torchinfo.summary(net, { input_size: [1, 1, 28, 28], col_names: ["num_params", "trainable"] });
    expect([s.trainable_params, s.non_trainable_params]).toEqual([34634 - 156, 156]);
    expect(String(s)).toMatch(/├─Conv2d: 1-1\s+156\s+False/);
    expect(String(s)).toMatch(/^Net\s+--\s+--$/m);
    expect(String(s)).toContain("Non-trainable params: 156");
  });

  test("the model is left as it was: train mode, BatchNorm's running statistics, no gradients", () => {
    const net = new Net();
    const before = net.bn.running_mean.tolist();
    torchinfo.summary(net, { input_data: torch.randn(4, 1, 28, 28).mul(5).add(3) });
    expect(net.training).toBe(true);
    expect(net.bn.training).toBe(true);
    expect(net.bn.running_mean.tolist()).toEqual(before);
    expect(net.conv1.weight.grad).toBeNull();
  });

  test("input_size without the batch dimension, with batch_dim; several columns; var_names", () => {
    const s = torchinfo.summary(new Net(), { input_size: [1, 28, 28], batch_dim: 0, col_names: ["input_size", "output_size", "kernel_size"], row_settings: ["var_names"] });
    const text = String(s);
    expect(text.split("\n")[1]).toMatch(/^Layer \(type \(var_name\):depth-idx\)\s+Input Shape\s+Output Shape\s+Kernel Shape$/);
    expect(text).toMatch(/├─Conv2d \(conv1\): 1-1\s+\[1, 1, 28, 28\]\s+\[1, 6, 24, 24\]\s+\[5, 5\]/);
  });

  test("a bare layer and a rich display of the summary", () => {
    const s = torchinfo.summary(new nn.Linear(4, 2), { input_size: [3, 4] });
    expect(s.summary_list).toHaveLength(1);
    expect(String(s)).toMatch(/^Linear\s+\[3, 2\]\s+10$/m);
    display.summary(new Net(), { input_size: [1, 1, 28, 28] });
    const data = sink.sent[0].message.data as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(["text/html", "text/plain"]);
    expect(data["text/html"]).toContain("<table");
    expect(data["text/html"]).toContain("Conv2d: 1-1");
    expect(data["text/html"]).toContain("34,634");
    expect(data["text/plain"]).toContain("Total params: 34,634");
    const bundle = (s as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(bundle).sort()).toEqual(["text/html", "text/plain"]);
  });

  test("errors name what is wrong", () => {
    expect(() => torchinfo.summary(new Net())).toThrow("summary(): needs input_size (e.g. { input_size: [1, 1, 28, 28] }) or input_data to run the model");
    expect(() => torchinfo.summary({} as never, { input_size: [1] })).toThrow("summary(): model must be a torch.nn.Module, got object");
    expect(() => torchinfo.summary(new Net(), { input_size: [1, 3, 28, 28] })).toThrow(/summary\(\): the forward pass on input \[1, 3, 28, 28\] failed in conv1 \(Conv2d\): Given groups=1, weight of size \[6, 1, 5, 5\], expected input\[1, 3, 28, 28\] to have 1 channels/);
    expect(() => torchinfo.summary(new Net(), { input_size: [1, 1, 28, 28], col_names: ["params" as never] })).toThrow("unknown column 'params'");
    expect(() => torchinfo.summary(new Net(), { input_size: [1, 1, 28, 28], depth: -1 })).toThrow("depth must be a non-negative integer, got -1");
    expect(() => torchinfo.summary(new Net(), { input_size: [1, 1, 28, 28], input_data: torch.rand(1, 1, 28, 28) })).toThrow("give input_size or input_data, not both");
  });
});

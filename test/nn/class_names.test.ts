/**
 * PyTorch code dispatches on a module's class name: the DCGAN tutorial's weights_init does
 * `classname = m.__class__.__name__; if classname.find('Conv') != -1: ...` through `net.apply`.
 * torchlab's spelling is `m.constructor.name`, so every nn module class must carry PyTorch's name
 * (not an alias or a base class's), for modules built directly, inside containers and subclassed.
 */
import { torch } from "../../src";

const { nn } = torch;
type Module = InstanceType<typeof nn.Module>;

test("every nn module class is named as PyTorch names it", () => {
  const classes = Object.entries(nn).filter(([, v]) => typeof v === "function" && (v as { prototype: unknown }).prototype instanceof nn.Module);
  expect(classes.length).toBeGreaterThan(50);
  for (const [name, cls] of classes) expect(`${name}: ${(cls as { name: string }).name}`).toBe(`${name}: ${name}`);
});

test("weights_init by class name through apply reaches Conv, ConvTranspose and BatchNorm layers", () => {
  const seen: string[] = [];
  function weights_init(m: Module): void {
    const classname = m.constructor.name;
    seen.push(classname);
    if (classname.indexOf("Conv") !== -1) nn.init.constant_((m as InstanceType<typeof nn.Conv2d>).weight.data, 0.5);
    else if (classname.indexOf("BatchNorm") !== -1) nn.init.constant_((m as InstanceType<typeof nn.BatchNorm2d>).bias!.data, 0.25);
  }
  class Block extends nn.Module {
    main = new nn.Sequential(new nn.ConvTranspose2d(2, 3, 4, 1, 0, { bias: false }), new nn.BatchNorm2d(3), new nn.LeakyReLU(0.2, { inplace: true }));
    head = new nn.Conv2d(3, 1, 1);
    forward(x: InstanceType<typeof torch.Tensor>) {
      return this.head(this.main(x));
    }
  }
  const net = new Block();
  net.apply(weights_init);
  // apply visits children first, then the module itself (PyTorch's order)
  expect(seen).toEqual(["ConvTranspose2d", "BatchNorm2d", "LeakyReLU", "Sequential", "Conv2d", "Block"]);
  expect((net.main.get(0) as InstanceType<typeof nn.ConvTranspose2d>).weight.unique().tolist()).toEqual([0.5]);
  expect(net.head.weight.unique().tolist()).toEqual([0.5]);
  expect((net.main.get(1) as InstanceType<typeof nn.BatchNorm2d>).bias!.unique().tolist()).toEqual([0.25]);
});

import { torch, torchvision } from "../../src";

const { transforms } = torchvision;

// PyTorch: Trevett's `mean = train_data.data.float().mean() / 255`, then
// transforms.Normalize(mean=[mean], std=[std]): torchvision runs torch.as_tensor(mean). Only numbers were typed.
describe("Normalize takes 0-d tensors and tensors as mean and std", () => {
  test("a list of 0-d tensors", () => {
    const m = torch.tensor([0.5]).mean();
    const s = torch.tensor(0.25);
    expect(new transforms.Normalize({ mean: [m], std: [s] }).forward(torch.ones(1, 2, 2)).tolist()).toEqual([[[2, 2], [2, 2]]]);
  });
  test("one tensor per argument, one value per channel", () => {
    const out = new transforms.Normalize(torch.tensor([0.5, 0.0]), torch.tensor([0.25, 2.0])).forward(torch.ones(2, 1, 1));
    expect(out.tolist()).toEqual([[[2]], [[0.5]]]);
  });
});

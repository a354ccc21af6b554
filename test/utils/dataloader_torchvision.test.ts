import { torch, torchvision } from "../../src";

test("a DataLoader over a torchvision dataset with ToTensor batches [images, labels]", () => {
  const { datasets, transforms } = torchvision;
  const ds = new datasets.FakeData({ size: 10, image_size: [1, 8, 8], num_classes: 3, transform: new transforms.ToTensor() });
  const loader = new torch.utils.data.DataLoader(ds, { batch_size: 4, shuffle: true });
  const batches = [...loader];
  expect(loader.length).toBe(3);
  expect(batches.map(([x]) => x.shape)).toEqual([[4, 1, 8, 8], [4, 1, 8, 8], [2, 1, 8, 8]]);
  const [, y] = batches[0];
  expect(y.dtype).toBe(torch.int64);
  expect(Array.from(y.dataSync()).every((v) => v >= 0 && v < 3)).toBe(true);
});

/**
 * A view whose base was written through a sibling view is re-derived on its next read. That read can
 * happen inside another op's computation (reshape, index, gather read `x._t` there); the re-derived
 * buffer must outlive that op, or the view's next use finds its memory released. Values as PyTorch
 * 1.13 prints them for the same statements.
 */
import { torch } from "../../src";

const rows = (t: InstanceType<typeof torch.Tensor>) => t.tolist();

test("a sibling view written through, then the stale view read inside an op and written", () => {
  // x = torch.arange(12.).view(3, 4); x[1][torch.tensor([2, 3])] = 3; x[[0, 2]] = x[[0, 2]] + 1
  const x = torch.arange(12, { dtype: torch.float32 }).view(3, 4);
  x.get(1).setitem(torch.tensor([2, 3]), 3);
  const picked = x.__getitem__([0, 2]);
  x.__setitem__([0, 2], picked.add(1));
  expect(rows(x)).toEqual([[1, 2, 3, 4], [4, 5, 3, 3], [9, 10, 11, 12]]);
  // x.reshape(12) reads the stale view inside reshape's own computation; x stays usable after it.
  x.get(0).fill_(0);
  expect(rows(x.reshape(12))).toEqual([0, 0, 0, 0, 4, 5, 3, 3, 9, 10, 11, 12]);
  x.add_(1);
  expect(rows(x)).toEqual([[1, 1, 1, 1], [5, 6, 4, 4], [10, 11, 12, 13]]);
});

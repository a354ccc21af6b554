/**
 * PyTorch's legacy typed constructors (torch.FloatTensor / torch.LongTensor), which older tutorials
 * use (`torch.LongTensor(letter_indexes)` in the char-RNN generation tutorial), and the error a
 * `new torch.Tensor([0])` (PyTorch's `torch.Tensor([0])`) gets. Expected values are PyTorch 1.13's.
 */
import { torch } from "../../src";

describe("legacy typed constructors", () => {
  test("torch.LongTensor([1, 4, 58]) is an integer tensor of those values", () => {
    const t = torch.LongTensor([1, 4, 58]);
    expect(t.dtype).toBe(torch.long);
    expect(String(t)).toBe("tensor([ 1,  4, 58])");
  });

  test("torch.FloatTensor([[1, 2]]) is a float tensor; FloatTensor([0]) accumulates a graph as loss += l", () => {
    expect(String(torch.FloatTensor([[1, 2]]))).toBe("tensor([[1., 2.]])");
    const loss = torch.FloatTensor([0]);
    const w = torch.tensor([2.0], { requires_grad: true });
    loss.add_(w.mul(3));
    loss.add_(w.mul(w));
    loss.backward();
    expect(loss.item()).toBe(10);
    expect(w.grad!.tolist()).toEqual([7]);
  });

  test("sizes give a tensor of that size; no argument gives an empty one", () => {
    expect(torch.LongTensor(2, 3).shape).toEqual([2, 3]);
    expect(torch.LongTensor(3).shape).toEqual([3]);
    expect(String(torch.FloatTensor())).toBe("tensor([])");
  });

  test("a tensor of the same dtype comes back; another dtype is a TypeError naming both", () => {
    const f = torch.tensor([1.5]);
    expect(torch.FloatTensor(f)).toBe(f);
    expect(() => torch.FloatTensor(torch.tensor([1]))).toThrow(torch.TypeError);
    expect(() => torch.FloatTensor(torch.tensor([1]))).toThrow(/FloatTensor\(\): expected a tensor of dtype torch.float32 \(got torch.int64\)/);
  });

  test("bad arguments are typed errors naming the constructor", () => {
    expect(() => torch.LongTensor(-1)).toThrow(torch.RuntimeError);
    expect(() => torch.LongTensor(-1)).toThrow(/LongTensor\(\).*dimension -1: \[-1\]/);
    expect(() => torch.FloatTensor([1], [2])).toThrow(/FloatTensor\(\) received an invalid combination of arguments.*\(list, list\)/);
    expect(() => torch.FloatTensor("a" as unknown as number[])).toThrow(/FloatTensor\(\): invalid data type 'string'/);
  });

  test("new torch.Tensor([0]) is a TypeError pointing at torch.tensor", () => {
    const make = () => new torch.Tensor([0] as never);
    expect(make).toThrow(torch.TypeError);
    expect(make).toThrow(/new torch.Tensor\(data\): .*got an array; write torch.tensor\(data\)/);
  });
});

/**
 * The grad_fn names the NLP tutorials print (`grad_fn=<EmbeddingBackward0>`, `<StackBackward0>`), as
 * PyTorch 1.13 records them (test/reference/gen_tutorials4.py, section grad_fn_names): nn.Embedding's
 * lookups, and the outputs and final states of RNN / LSTM / GRU, batched, unbatched, batch_first,
 * bidirectional, stacked and packed.
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = readReference<Record<string, Record<string, string | null | (string | null)[]>>>("tutorials4.json").grad_fn_names;
const name = (t: Tensor): string | null => (t.grad_fn ? t.grad_fn.name() : null);
const { pack_sequence } = nn.utils.rnn;

test("nn.Embedding and F.embedding record one EmbeddingBackward0 node", () => {
  expect(name(new nn.Embedding(4, 3)(torch.tensor([[1, 2], [3, 0]])))).toBe(R.embedding);
  expect(name(new nn.Embedding(4, 3, { padding_idx: 0 })(torch.tensor([1, 0])))).toBe(R.embedding_pad);
  expect(name(F.embedding(torch.tensor([1, 2]), torch.randn([4, 3], { requires_grad: true })))).toBe(R.F_embedding);
});

type RNNResult = [Tensor | InstanceType<typeof nn.utils.rnn.PackedSequence>, Tensor | Tensor[]];
const cases: Record<string, () => RNNResult> = {
  lstm: () => new nn.LSTM(3, 3)(torch.randn(5, 1, 3)),
  lstm_bi: () => new nn.LSTM(3, 2, { bidirectional: true })(torch.randn(5, 1, 3)),
  lstm_2l: () => new nn.LSTM(3, 2, { num_layers: 2 })(torch.randn(5, 1, 3)),
  lstm_bf: () => new nn.LSTM(3, 2, { batch_first: true })(torch.randn(2, 5, 3)),
  lstm_unbatched: () => new nn.LSTM(3, 2)(torch.randn(5, 3)),
  gru: () => new nn.GRU(3, 3)(torch.randn(5, 1, 3)),
  gru_bi: () => new nn.GRU(3, 3, { bidirectional: true })(torch.randn(5, 1, 3)),
  rnn: () => new nn.RNN(3, 3)(torch.randn(5, 1, 3)),
  rnn_unbatched: () => new nn.RNN(3, 3)(torch.randn(5, 3)),
  lstm_packed: () => new nn.LSTM(3, 2)(pack_sequence([torch.randn(3, 3), torch.randn(2, 3)])),
  lstm_bi_packed: () => new nn.LSTM(3, 2, { bidirectional: true })(pack_sequence([torch.randn(3, 3), torch.randn(2, 3)])),
};

test.each(Object.keys(cases))("%s: output and state grad_fn names", (k) => {
  const [out, hid] = cases[k]();
  const o = out instanceof torch.Tensor ? out : out.data;
  const states = hid instanceof torch.Tensor ? [hid] : hid;
  expect([name(o), ...states.map(name)]).toEqual(R[k]);
});

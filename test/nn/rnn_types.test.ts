/**
 * Notebook-style code using the recurrent and 1-D layers type-checks under TypeScript 5.0.4 (tslab's
 * compiler) in strict mode: the call of an LSTM is typed by its input (Tensor or PackedSequence),
 * `[output, [h_n, c_n]]` destructures, and a wrong hx is a type error.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = torch.Tensor;

class LSTMTagger extends nn.Module {
  word_embeddings: torch.nn.Embedding;
  lstm: torch.nn.LSTM;
  hidden2tag: torch.nn.Linear;
  constructor(embedding_dim: number, hidden_dim: number, vocab_size: number, tagset_size: number) {
    super();
    this.word_embeddings = new nn.Embedding(vocab_size, embedding_dim);
    this.lstm = new nn.LSTM(embedding_dim, hidden_dim);
    this.hidden2tag = new nn.Linear(hidden_dim, tagset_size);
  }
  forward(sentence: Tensor): Tensor {
    const embeds = this.word_embeddings(sentence);
    const [lstm_out, [h_n, c_n]] = this.lstm(embeds.view(sentence.shape[0], 1, -1));
    void [h_n.shape, c_n.shape];
    return F.log_softmax(this.hidden2tag(lstm_out.view(sentence.shape[0], -1)), { dim: 1 });
  }
}
void new LSTMTagger(6, 6, 9, 3);

const gru = new nn.GRU(3, 4, 2, { batch_first: true, bidirectional: true });
const [out, h] = gru(torch.randn(2, 5, 3), torch.zeros(4, 2, 4));
const shape: number[] = out.shape;
void [shape, h.shape];
const packed = nn.utils.rnn.pack_padded_sequence(torch.randn(2, 5, 3), [5, 2], { batch_first: true });
const [pout] = gru(packed);
const [padded, lengths] = nn.utils.rnn.pad_packed_sequence(pout, { batch_first: true });
void [padded.shape, lengths.shape, pout.batch_sizes];
const cell = new nn.LSTMCell(3, 4);
let [hx, cx] = cell(torch.randn(2, 3));
[hx, cx] = cell(torch.randn(2, 3), [hx, cx]);
const r: Tensor = new nn.RNNCell(3, 4, { nonlinearity: "relu" })(torch.randn(3));
const conv: Tensor = new nn.Sequential(new nn.Conv1d(3, 4, 3, { padding: "same" }), new nn.ReLU(), new nn.MaxPool1d(2), new nn.AdaptiveAvgPool1d(1))(torch.randn(1, 3, 8));
const [v, i] = F.max_pool1d(torch.randn(1, 2, 6), 2, { return_indices: true });
void [r, conv, v, i, F.conv1d(torch.randn(1, 3, 8), torch.randn(4, 3, 3), null, 1, 1)];
// @ts-expect-error an LSTM's hx is the pair [h_0, c_0]
new nn.LSTM(3, 4)(torch.randn(5, 3), torch.zeros(1, 4));
`;

test("a notebook cell using RNN/LSTM/GRU, packing and the 1-D layers type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__rnn_cell__.ts"), CELL)).toEqual([]);
}, 180000);

/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_recurrent-modern/seq2seq: sequence_mask,
 * MaskedSoftmaxCELoss (a CrossEntropyLoss subclass switching `reduction` and calling `super.forward`) and
 * train_seq2seq's xavier initialisation through a GRU's `_flat_weights_names` and `_parameters`, written
 * as a plain script (methods for operators), against PyTorch (test/reference/gen_d2l_seq2seq.py).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const nn = torch.nn;
type Tensor = InstanceType<typeof torch.Tensor>;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_seq2seq.json"), "utf8")) as Record<string, unknown>;

function sequence_mask(X: Tensor, valid_len: Tensor, value = 0): Tensor {
  const maxlen = X.size(1);
  const mask = torch.arange(maxlen, { dtype: torch.float32, device: X.device }).index("None, :").lt(valid_len.index(":, None"));
  X.setitem(torch.bitwise_not(mask), value);
  return X;
}

class MaskedSoftmaxCELoss extends nn.CrossEntropyLoss {
  // pred的形状：(batch_size,num_steps,vocab_size); label的形状：(batch_size,num_steps); valid_len的形状：(batch_size,)
  forward(pred: Tensor, label: Tensor, valid_len?: Tensor): Tensor {
    let weights = torch.ones_like(label);
    weights = sequence_mask(weights, valid_len!);
    this.reduction = "none";
    const unweighted_loss = super.forward(pred.permute(0, 2, 1), label);
    return unweighted_loss.mul(weights).mean({ dim: 1 });
  }
}

describe("d2l seq2seq helpers", () => {
  test("sequence_mask, as the chapter prints it", () => {
    expect(String(sequence_mask(torch.tensor([[1, 2, 3], [4, 5, 6]]), torch.tensor([1, 2])))).toBe(REF.sequence_mask);
    expect(String(sequence_mask(torch.ones(2, 3, 4), torch.tensor([1, 2]), -1))).toBe(REF.sequence_mask_value);
  });

  test("MaskedSoftmaxCELoss", () => {
    const loss = new MaskedSoftmaxCELoss();
    expect(String(loss(torch.ones(3, 4, 10), torch.ones([3, 4], { dtype: torch.long }), torch.tensor([4, 2, 0])))).toBe(REF.masked_ce);
  });

  test("xavier_init_weights through _flat_weights_names and _parameters gives PyTorch's weights", () => {
    function xavier_init_weights(m: InstanceType<typeof nn.Module>) {
      if (m.constructor === nn.Linear) nn.init.xavier_uniform_((m as InstanceType<typeof nn.Linear>).weight);
      if (m.constructor === nn.GRU) {
        const gru = m as InstanceType<typeof nn.GRU>;
        for (const param of gru._flat_weights_names) {
          if (param.includes("weight")) nn.init.xavier_uniform_(gru._parameters[param]);
        }
      }
    }
    torch.manual_seed(0);
    const net = new nn.Sequential(new nn.GRU(4, 3, 2), new nn.Linear(3, 5));
    net.apply(xavier_init_weights);
    const want = REF.xavier as Record<string, number[]>;
    const got = net.state_dict();
    expect(Object.keys(got)).toEqual(Object.keys(want));
    for (const [k, v] of Object.entries(want)) {
      Array.from(got[k].flatten().dataSync()).forEach((x, i) => expect(x).toBeCloseTo(v[i], 5));
    }
  });
});

/**
 * The PositionalEncoding of "Language Modeling with nn.Transformer" (pytorch/tutorials
 * beginner_source/transformer_tutorial.py), transcribed line by line: shared by the tutorial's port
 * (transformer_lm.test.ts) and the Transformer checks of test/nn/modules2.test.ts.
 */
import { torch } from "../../src";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;

export class PositionalEncoding extends nn.Module {
  dropout: InstanceType<typeof nn.Dropout>;
  declare pe: Tensor;
  constructor(d_model: number, dropout = 0.1, max_len = 5000) {
    super();
    this.dropout = new nn.Dropout({ p: dropout });
    const position = torch.arange(max_len).unsqueeze(1);
    const div_term = torch.exp(torch.arange(0, d_model, 2).mul(-Math.log(10000.0) / d_model));
    const pe = torch.zeros(max_len, 1, d_model);
    pe.setitem(":, 0, 0::2", torch.sin(position.mul(div_term)));
    pe.setitem(":, 0, 1::2", torch.cos(position.mul(div_term)));
    this.register_buffer("pe", pe);
  }
  forward(x: Tensor): Tensor {
    x = x.add(this.pe.index(`:${x.size(0)}`));
    return this.dropout(x);
  }
}

/**
 * "Advanced: Making Dynamic Decisions and the Bi-LSTM CRF" (pytorch/tutorials beginner_source/nlp/
 * advanced_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/gen_tutorials4.py,
 * section nlp_advanced): argmax through torch.max(vec, 1), log_sum_exp with .view/.expand, the
 * transitions Parameter written through `.data[...] = -10000`, the forward algorithm over
 * torch.full / per-step torch.cat of 1-element tensors, the gold score indexed by 0-d tag tensors,
 * Viterbi decoding with back-pointers, and the negative log-likelihood trained with SGD and
 * weight_decay through autograd over these loops (8 epochs instead of 300).
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("nlp_advanced");

function argmax(vec: Tensor): number {
  // return the argmax as a python int
  const [, idx] = torch.max(vec, 1);
  return idx.item();
}

function prepare_sequence(seq: string[], to_ix: Map<string, number>): Tensor {
  const idxs = seq.map((w) => to_ix.get(w)!);
  return torch.tensor(idxs, { dtype: torch.long });
}

// Compute log sum exp in a numerically stable way for the forward algorithm
function log_sum_exp(vec: Tensor): Tensor {
  const max_score = vec.index([0, argmax(vec)]);
  const max_score_broadcast = max_score.view(1, -1).expand(1, vec.size()[1]);
  return max_score.add(torch.log(torch.sum(torch.exp(vec.sub(max_score_broadcast)))));
}

const START_TAG = "<START>";
const STOP_TAG = "<STOP>";
const EMBEDDING_DIM = 5;
const HIDDEN_DIM = 4;

class BiLSTM_CRF extends nn.Module {
  embedding_dim: number;
  hidden_dim: number;
  vocab_size: number;
  tag_to_ix: Map<string, number>;
  tagset_size: number;
  word_embeds: InstanceType<typeof nn.Embedding>;
  lstm: InstanceType<typeof nn.LSTM>;
  hidden2tag: InstanceType<typeof nn.Linear>;
  transitions: InstanceType<typeof nn.Parameter>;
  hidden: [Tensor, Tensor];

  constructor(vocab_size: number, tag_to_ix: Map<string, number>, embedding_dim: number, hidden_dim: number) {
    super();
    this.embedding_dim = embedding_dim;
    this.hidden_dim = hidden_dim;
    this.vocab_size = vocab_size;
    this.tag_to_ix = tag_to_ix;
    this.tagset_size = tag_to_ix.size;
    this.word_embeds = new nn.Embedding(vocab_size, embedding_dim);
    this.lstm = new nn.LSTM(embedding_dim, Math.floor(hidden_dim / 2), { num_layers: 1, bidirectional: true });
    // Maps the output of the LSTM into tag space.
    this.hidden2tag = new nn.Linear(hidden_dim, this.tagset_size);
    // Matrix of transition parameters.  Entry i,j is the score of transitioning *to* i *from* j.
    this.transitions = new nn.Parameter(torch.randn(this.tagset_size, this.tagset_size));
    // These two statements enforce the constraint that we never transfer
    // to the start tag and we never transfer from the stop tag
    this.transitions.data.setitem(`${tag_to_ix.get(START_TAG)}, :`, -10000);
    this.transitions.data.setitem(`:, ${tag_to_ix.get(STOP_TAG)}`, -10000);
    this.hidden = this.init_hidden();
  }

  init_hidden(): [Tensor, Tensor] {
    return [torch.randn(2, 1, Math.floor(this.hidden_dim / 2)), torch.randn(2, 1, Math.floor(this.hidden_dim / 2))];
  }

  _forward_alg(feats: Tensor): Tensor {
    // Do the forward algorithm to compute the partition function
    const init_alphas = torch.full([1, this.tagset_size], -10000.);
    // START_TAG has all of the score.
    init_alphas.get(0).setitem(this.tag_to_ix.get(START_TAG)!, 0.);
    let forward_var = init_alphas;
    // Iterate through the sentence
    for (const feat of feats) {
      const alphas_t: Tensor[] = []; // The forward tensors at this timestep
      for (let next_tag = 0; next_tag < this.tagset_size; next_tag++) {
        // broadcast the emission score: it is the same regardless of the previous tag
        const emit_score = feat.get(next_tag).view(1, -1).expand(1, this.tagset_size);
        // the ith entry of trans_score is the score of transitioning to next_tag from i
        const trans_score = this.transitions.get(next_tag).view(1, -1);
        // The ith entry of next_tag_var is the value for the edge (i -> next_tag) before we do log-sum-exp
        const next_tag_var = forward_var.add(trans_score).add(emit_score);
        // The forward variable for this tag is log-sum-exp of all the scores.
        alphas_t.push(log_sum_exp(next_tag_var).view(1));
      }
      forward_var = torch.cat(alphas_t).view(1, -1);
    }
    const terminal_var = forward_var.add(this.transitions.get(this.tag_to_ix.get(STOP_TAG)!));
    const alpha = log_sum_exp(terminal_var);
    return alpha;
  }

  _get_lstm_features(sentence: Tensor): Tensor {
    this.hidden = this.init_hidden();
    const embeds = this.word_embeds(sentence).view(sentence.size(0), 1, -1);
    let lstm_out: Tensor;
    [lstm_out, this.hidden] = this.lstm(embeds, this.hidden) as [Tensor, [Tensor, Tensor]];
    lstm_out = lstm_out.view(sentence.size(0), this.hidden_dim);
    const lstm_feats = this.hidden2tag(lstm_out);
    return lstm_feats;
  }

  _score_sentence(feats: Tensor, tags: Tensor): Tensor {
    // Gives the score of a provided tag sequence
    let score = torch.zeros(1);
    tags = torch.cat([torch.tensor([this.tag_to_ix.get(START_TAG)!], { dtype: torch.long }), tags]);
    let i = 0;
    for (const feat of feats) {
      score = score.add(this.transitions.index([tags.get(i + 1), tags.get(i)])).add(feat.index(tags.get(i + 1)));
      i++;
    }
    score = score.add(this.transitions.index([this.tag_to_ix.get(STOP_TAG)!, tags.get(-1)]));
    return score;
  }

  _viterbi_decode(feats: Tensor): [Tensor, number[]] {
    const backpointers: number[][] = [];
    // Initialize the viterbi variables in log space
    const init_vvars = torch.full([1, this.tagset_size], -10000.);
    init_vvars.get(0).setitem(this.tag_to_ix.get(START_TAG)!, 0);
    // forward_var at step i holds the viterbi variables for step i-1
    let forward_var = init_vvars;
    for (const feat of feats) {
      const bptrs_t: number[] = []; // holds the backpointers for this step
      const viterbivars_t: Tensor[] = []; // holds the viterbi variables for this step
      for (let next_tag = 0; next_tag < this.tagset_size; next_tag++) {
        // next_tag_var[i] holds the viterbi variable for tag i at the previous step, plus the score
        // of transitioning from tag i to next_tag.
        const next_tag_var = forward_var.add(this.transitions.get(next_tag));
        const best_tag_id = argmax(next_tag_var);
        bptrs_t.push(best_tag_id);
        viterbivars_t.push(next_tag_var.get(0).get(best_tag_id).view(1));
      }
      // Now add in the emission scores, and assign forward_var to the set of viterbi variables we just computed
      forward_var = torch.cat(viterbivars_t).add(feat).view(1, -1);
      backpointers.push(bptrs_t);
    }
    // Transition to STOP_TAG
    const terminal_var = forward_var.add(this.transitions.get(this.tag_to_ix.get(STOP_TAG)!));
    let best_tag_id = argmax(terminal_var);
    const path_score = terminal_var.get(0).get(best_tag_id);
    // Follow the back pointers to decode the best path.
    const best_path = [best_tag_id];
    for (const bptrs_t of [...backpointers].reverse()) {
      best_tag_id = bptrs_t[best_tag_id];
      best_path.push(best_tag_id);
    }
    // Pop off the start tag (we dont want to return that to the caller)
    const start = best_path.pop();
    expect(start).toBe(this.tag_to_ix.get(START_TAG)); // Sanity check
    best_path.reverse();
    return [path_score, best_path];
  }

  neg_log_likelihood(sentence: Tensor, tags: Tensor): Tensor {
    const feats = this._get_lstm_features(sentence);
    const forward_score = this._forward_alg(feats);
    const gold_score = this._score_sentence(feats, tags);
    return forward_score.sub(gold_score);
  }

  forward(sentence: Tensor): [Tensor, number[]] { // dont confuse this with _forward_alg above.
    // Get the emission scores from the BiLSTM
    const lstm_feats = this._get_lstm_features(sentence);
    // Find the best path, given the features.
    const [score, tag_seq] = this._viterbi_decode(lstm_feats);
    return [score, tag_seq];
  }
}

test("Bi-LSTM CRF: Viterbi before training, NLL through the forward algorithm, SGD, Viterbi after", () => {
  torch.manual_seed(1);
  // Make up some training data
  const training_data: [string[], string[]][] = [
    ["the wall street journal reported today that apple corporation made money".split(" "), "B I I I O O O B I O O".split(" ")],
    ["georgia tech is a university in georgia".split(" "), "B I O O O O B".split(" ")],
  ];
  const word_to_ix = new Map<string, number>();
  for (const [sentence] of training_data) {
    for (const word of sentence) {
      if (!word_to_ix.has(word)) word_to_ix.set(word, word_to_ix.size);
    }
  }
  const tag_to_ix = new Map([["B", 0], ["I", 1], ["O", 2], [START_TAG, 3], [STOP_TAG, 4]]);
  const model = new BiLSTM_CRF(word_to_ix.size, tag_to_ix, EMBEDDING_DIM, HIDDEN_DIM);
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.01, weight_decay: 1e-4 });

  // Check predictions before training
  torch.no_grad(() => {
    const precheck_sent = prepare_sequence(training_data[0][0], word_to_ix);
    const precheck_tags = torch.tensor(training_data[0][1].map((t) => tag_to_ix.get(t)!), { dtype: torch.long });
    const [score, path] = model(precheck_sent);
    expectSamePrint(String(score), (R.before as [string, number[]])[0]);
    expect(path).toEqual((R.before as [string, number[]])[1]);
    expect(model.neg_log_likelihood(precheck_sent, precheck_tags).item()).toBeCloseTo(R.nll_before as number, 4);
  });

  const losses: number[] = [];
  function train(epochs: number): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const [sentence, tags] of training_data) {
        // Step 1. Remember that Pytorch accumulates gradients.
        model.zero_grad();
        // Step 2. Get our inputs ready for the network, that is, turn them into Tensors of word indices.
        const sentence_in = prepare_sequence(sentence, word_to_ix);
        const targets = torch.tensor(tags.map((t) => tag_to_ix.get(t)!), { dtype: torch.long });
        // Step 3. Run our forward pass.
        const loss = model.neg_log_likelihood(sentence_in, targets);
        // Step 4. Compute the loss, gradients, and update the parameters by calling optimizer.step()
        loss.backward();
        optimizer.step();
        losses.push(loss.item());
      }
    }
  }
  train(8);
  (R.losses as number[]).forEach((w, i) => expect(Math.abs(losses[i] - w)).toBeLessThan(1e-3));
  expectTensor(model.transitions, R.transitions as Encoded, 1e-4);

  // Check predictions after training
  torch.no_grad(() => {
    const precheck_sent = prepare_sequence(training_data[0][0], word_to_ix);
    const [score, path] = model(precheck_sent);
    expectSamePrint(String(score), (R.after as [string, number[]])[0]);
    expect(path).toEqual((R.after as [string, number[]])[1]);
  });
});

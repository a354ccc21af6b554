/**
 * "Deep Learning for NLP with PyTorch", parts 1 and 2 (pytorch/tutorials beginner_source/nlp/
 * pytorch_tutorial.py and deep_learning_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials4.py, sections nlp_pytorch_tutorial and nlp_deep_learning): tensor
 * creation, indexing, torch.cat, view, requires_grad / grad_fn / detach / no_grad, then nn.Linear,
 * relu, softmax / log_softmax and the bag-of-words classifier trained with NLLLoss and SGD. Every
 * print() is compared with PyTorch's text; torch.manual_seed(1) gives both the same random tensors.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

function expectPrinted(printed: string[], want: string[]): void {
  expect(printed.length).toBe(want.length);
  want.forEach((w, i) => expectSamePrint(printed[i], w));
}

test("Introduction to PyTorch: creation, indexing, cat, view, autograd flags", () => {
  const R = reference("nlp_pytorch_tutorial");
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map((x) => String(x)).join(" "));
  // JavaScript has no float literal: `1.` is the integer 1, so the Python floats get dtype float32.
  torch.manual_seed(1);
  const V_data = [1., 2., 3.];
  const V = torch.tensor(V_data, { dtype: torch.float32 });
  print(V);
  const M_data = [[1., 2., 3.], [4., 5., 6]];
  const M = torch.tensor(M_data, { dtype: torch.float32 });
  print(M);
  const T_data = [[[1., 2.], [3., 4.]],
                  [[5., 6.], [7., 8.]]];
  const T = torch.tensor(T_data, { dtype: torch.float32 });
  print(T);
  print(V.get(0));
  print(V.get(0).item().toFixed(1));
  print(M.get(0));
  print(T.get(0));
  let x = torch.randn([3, 4, 5]);
  print(x);
  x = torch.tensor([1., 2., 3.], { dtype: torch.float32 });
  let y = torch.tensor([4., 5., 6.], { dtype: torch.float32 });
  let z = x.add(y);
  print(z);
  const x_1 = torch.randn(2, 5);
  const y_1 = torch.randn(3, 5);
  const z_1 = torch.cat([x_1, y_1]);
  print(z_1);
  const x_2 = torch.randn(2, 3);
  const y_2 = torch.randn(2, 5);
  const z_2 = torch.cat([x_2, y_2], 1);
  print(z_2);
  // torchlab names the op and the shapes around PyTorch's sentence
  expect(() => torch.cat([x_1, x_2])).toThrow((R.cat_error as string).replace(/\.$/, ""));
  x = torch.randn(2, 3, 4);
  print(x);
  print(x.view(2, 12));
  print(x.view(2, -1));
  x = torch.tensor([1., 2., 3], { dtype: torch.float32, requires_grad: true });
  y = torch.tensor([4., 5., 6], { dtype: torch.float32, requires_grad: true });
  z = x.add(y);
  print(z);
  print(z.grad_fn!.name());
  const s = z.sum();
  print(s);
  print(s.grad_fn!.name());
  s.backward();
  print(x.grad);
  x = torch.randn(2, 2);
  y = torch.randn(2, 2);
  print(x.requires_grad ? "True" : "False", y.requires_grad ? "True" : "False");
  z = x.add(y);
  print(z.grad_fn ?? "None");
  x = x.requires_grad_();
  y = y.requires_grad_();
  z = x.add(y);
  print(z.grad_fn!.name());
  print(z.requires_grad ? "True" : "False");
  const new_z = z.detach();
  print(new_z.grad_fn ?? "None");
  print(x.requires_grad ? "True" : "False");
  print(x.pow(2).requires_grad ? "True" : "False");
  torch.no_grad(() => {
    print(x.pow(2).requires_grad ? "True" : "False");
  });
  expectPrinted(printed, R.printed as string[]);
});

test("Deep Learning with PyTorch: affine maps, softmax, and the bag-of-words classifier", () => {
  const R = reference("nlp_deep_learning");
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map((x) => String(x)).join(" "));
  torch.manual_seed(1);
  const lin = new nn.Linear(5, 3);
  let data = torch.randn(2, 5);
  print(lin(data));
  data = torch.randn(2, 2);
  print(data);
  print(F.relu(data));
  data = torch.randn(5);
  print(data);
  print(F.softmax(data, { dim: 0 }));
  print(F.softmax(data, { dim: 0 }).sum());
  print(F.log_softmax(data, { dim: 0 }));

  const train_data: [string[], string][] = [
    ["me gusta comer en la cafeteria".split(" "), "SPANISH"],
    ["Give it to me".split(" "), "ENGLISH"],
    ["No creo que sea una buena idea".split(" "), "SPANISH"],
    ["No it is not a good idea to get lost at sea".split(" "), "ENGLISH"]];
  const test_data: [string[], string][] = [
    ["Yo creo que si".split(" "), "SPANISH"],
    ["it is lost on me".split(" "), "ENGLISH"]];
  const word_to_ix = new Map<string, number>();
  for (const [sent] of [...train_data, ...test_data]) {
    for (const word of sent) {
      if (!word_to_ix.has(word)) word_to_ix.set(word, word_to_ix.size);
    }
  }
  expect([...word_to_ix]).toEqual(R.word_to_ix);
  const VOCAB_SIZE = word_to_ix.size;
  const NUM_LABELS = 2;

  class BoWClassifier extends nn.Module {
    linear: InstanceType<typeof nn.Linear>;
    constructor(num_labels: number, vocab_size: number) {
      super();
      this.linear = new nn.Linear(vocab_size, num_labels);
    }
    forward(bow_vec: Tensor): Tensor {
      return F.log_softmax(this.linear(bow_vec), { dim: 1 });
    }
  }

  function make_bow_vector(sentence: string[], word_to_ix: Map<string, number>): Tensor {
    const vec = torch.zeros(word_to_ix.size);
    for (const word of sentence) vec.index(word_to_ix.get(word)!).add_(1);
    return vec.view(1, -1);
  }

  function make_target(label: string, label_to_ix: Record<string, number>): Tensor {
    return torch.LongTensor([label_to_ix[label]]);
  }

  const model = new BoWClassifier(NUM_LABELS, VOCAB_SIZE);
  for (const param of model.parameters()) print(param);
  torch.no_grad(() => {
    const sample = train_data[0];
    const bow_vector = make_bow_vector(sample[0], word_to_ix);
    const log_probs = model(bow_vector);
    print(log_probs);
  });
  const label_to_ix = { SPANISH: 0, ENGLISH: 1 };
  torch.no_grad(() => {
    for (const [instance] of test_data) {
      const bow_vec = make_bow_vector(instance, word_to_ix);
      const log_probs = model(bow_vec);
      print(log_probs);
    }
  });
  print(model.parameters()[0].index(`:, ${word_to_ix.get("creo")}`));
  const loss_function = new nn.NLLLoss();
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.1 });

  function train(): void {
    for (let epoch = 0; epoch < 100; epoch++) {
      for (const [instance, label] of train_data) {
        model.zero_grad();
        const bow_vec = make_bow_vector(instance, word_to_ix);
        const target = make_target(label, label_to_ix);
        const log_probs = model(bow_vec);
        const loss = loss_function(log_probs, target);
        loss.backward();
        optimizer.step();
      }
    }
  }
  train();
  torch.no_grad(() => {
    for (const [instance] of test_data) {
      const bow_vec = make_bow_vector(instance, word_to_ix);
      const log_probs = model(bow_vec);
      print(log_probs);
    }
  });
  print(model.parameters()[0].index(`:, ${word_to_ix.get("creo")}`));
  expectPrinted(printed, R.printed as string[]);
  expectTensor(model.linear.weight, R.weight as Encoded, 1e-4);
});

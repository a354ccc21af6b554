/**
 * d2l-zh chapter_convolutional-modern alexnet (PyTorch tab) ported line by line against PyTorch 1.13
 * (test/reference/gen_d2l_modern.py): the layer-by-layer output shapes at 224 and one step of train_ch6
 * on two 224 x 224 stand-in images (the seeded generator gives both sides the same weights, dropout
 * masks and shuffle). A file of its own: its 42M parameters take the most time of the chapters.
 */
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";
import { d2lReference, printer, shapes, train, expectClose } from "./_d2l_cnn";

const { nn } = torch;
const R = (section: string) => d2lReference("d2l_modern.json", section);

function check(section: string, printed: string[], points: number[][]): void {
  expectSamePrint(printed.join("\n"), (R(section).printed as string[]).join("\n"));
  expectClose(points, R(section).points, 2e-4, `${section} points`);
}

test("alexnet: output shapes at 224, one step of train_ch6", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const net = new nn.Sequential(
    new nn.Conv2d(1, 96, { kernel_size: 11, stride: 4, padding: 1 }), new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2 }),
    new nn.Conv2d(96, 256, { kernel_size: 5, padding: 2 }), new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2 }),
    new nn.Conv2d(256, 384, { kernel_size: 3, padding: 1 }), new nn.ReLU(),
    new nn.Conv2d(384, 384, { kernel_size: 3, padding: 1 }), new nn.ReLU(),
    new nn.Conv2d(384, 256, { kernel_size: 3, padding: 1 }), new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2 }),
    new nn.Flatten(),
    new nn.Linear(6400, 4096), new nn.ReLU(),
    new nn.Dropout({ p: 0.5 }),
    new nn.Linear(4096, 4096), new nn.ReLU(),
    new nn.Dropout({ p: 0.5 }),
    new nn.Linear(4096, 10));
  const X = torch.randn(1, 1, 224, 224);
  shapes(net, X, print);
  const points = train(net, 224, 2, 2, 0.01, print);
  check("alexnet", printed, points);
}, 120_000);

/**
 * The four pytorch/tutorials that teach torch.func, ported cell by cell in the notebook dialect
 * (_func_tutorial_cells.ts) and run as notebooks through `torchlab run`: "Per-sample-gradients"
 * (vmap(grad(compute_loss), in_dims=(None, None, 0, 0)) with functional_call(model, (params, buffers),
 * ...), checked against a loop of torch.autograd.grad), "Model ensembling" (stack_module_state,
 * functional_call on a copy of the base model, vmap over the stacked parameters with a minibatch each
 * and with one minibatch, in_dims=(0, 0, None)), "Jacobians, Hessians, hvp, vhp, and more" (row by row
 * with torch.autograd.grad, vmap(vjp_fn), jacrev with argnums 2 and (0, 1), jacfwd, hessian,
 * jacfwd(jacfwd) and jacrev(jacrev), vmap(jacrev) and vmap(hessian) over a batch, the summed-output
 * trick with movedim, hvp as jvp(grad(f)) and as vjp(grad(f))) and "Neural Tangent Kernels" (Jacobian
 * contraction by vmap(jacrev) and einsum, full and trace, and NTK-vector products by
 * vmap(vmap(get_ntk)) over vjp and jvp). Every print must be PyTorch 1.13's with functorch 1.13
 * (test/reference/gen_func_tutorials.py, func_tutorials.json).
 *
 * Shrunk on both sides, for CI time (torchlab's vmap is a loop, src/func/vmap.ts): per-sample-grads'
 * CNN has 8 / 16 channels and fc1 2304 -> 32 (32 / 64, 9216 -> 128), a batch of 8 (64); ensembling
 * runs 3 models (10) on data of 4 x 8 images (100 x 64); the Jacobians tutorial's taller matrix is
 * 32 x 8 (2048 x 32; the wider one and its timings are left out), the Hessian's 4 x 6 (32 x 512), the
 * batch 4 of 5 -> 6 (64 of 31 -> 33); the NTK's CNN has 4 channels on 8 x 8 images and fc 16 -> 10
 * (32 channels, 32 x 32, 21632 -> 10), on 4 training and 2 test images (20, 5).
 * Left out: the timing cells (torch.utils.benchmark.Timer, get_perf), device='cuda',
 * per_sample_grads' float64 diagnosis printed only when a gradient mismatches, ensembling's
 * `base_model.to('meta')` (torchlab has no meta device: the copy keeps its storage; functional_call
 * replaces every parameter anyway). Added: prints of values where a tutorial only asserts (a row of a
 * Jacobian, the Hessian's first entry, the per-sample gradients of fc2.bias, the NTK's entries).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { ENSEMBLING_CELLS, JACOBIANS_CELLS, NTK_CELLS, PER_SAMPLE_GRADS_CELLS } from "./_func_tutorial_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "func_tutorials.json"), "utf8")) as Record<string, CellOutput[]>;

describe("torch.func tutorials as notebooks", () => {
  const nbs = sectionsForSuite("functut", {
    func: {
      per_sample_grads: PER_SAMPLE_GRADS_CELLS,
      ensembling: ENSEMBLING_CELLS,
      jacobians_hessians: JACOBIANS_CELLS,
      neural_tangent_kernels: NTK_CELLS,
    },
  });

  test.each(["per_sample_grads", "ensembling", "jacobians_hessians", "neural_tangent_kernels"])("%s prints what PyTorch prints", (name) => {
    expectSameCells(cellsOf(nbs[name]), R[name]);
  });
});

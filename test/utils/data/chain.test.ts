/**
 * torch.utils.data.ChainDataset (alone and batched by a DataLoader) and get_worker_info (null in the
 * loading process, PyTorch's None) against PyTorch 1.13 (test/reference/coverage.json, gen_coverage.py).
 */
import { coverageSuite } from "../../tensor/coverage_cases";

coverageSuite("torch.utils.data", (name) => name.startsWith("chain_dataset") || name === "get_worker_info");

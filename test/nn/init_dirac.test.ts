/**
 * nn.init.dirac_ against PyTorch 1.13 (test/reference/coverage.json, gen_coverage.py): the delta in
 * 3-, 4- and 5-D conv weights, with groups, a 3x3 conv that it makes the identity, and its errors.
 */
import { coverageSuite } from "../tensor/coverage_cases";

coverageSuite("nn.init.dirac_", (name) => name.startsWith("dirac"));

/** torch.distributions.categorical: the module path `from torch.distributions.categorical import Categorical` imports from. */
export { Categorical } from "./discrete";

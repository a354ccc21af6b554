/**
 * torchlab: `import { torch, torchvision, display } from "torchlab"`.
 */
import * as torch from "./torch";
import * as torchvision from "./torchvision";
import { registerPyModules } from "./pyattr";
export { torch, torchvision };
export { display, torchinfo } from "./display";

// getattr(torch.optim, 'Adamm') names the module as Python does: `module 'torch.optim' has no attribute 'Adamm'`.
registerPyModules("torch", torch);
registerPyModules("torchvision", torchvision);
// type(x) of a library class prints its PyTorch module (`torch.optim.sgd.SGD`), found when first asked.
import "./py_classes_walk";

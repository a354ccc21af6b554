/**
 * torchlab: `import { torch, torchvision, display } from "torchlab"`.
 */
import * as torch from "./torch";
import * as torchvision from "./torchvision";
export { torch, torchvision };
export { display, torchinfo } from "./display";

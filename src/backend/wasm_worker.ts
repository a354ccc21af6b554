/**
 * The script of one wasm pthread (a Node worker thread that XNNPACK's thread pool runs on).
 *
 * tfjs-backend-wasm ships this script only as a string, which it starts from a `blob:` URL; Node's
 * Worker needs a file, so this file is that script's home. It runs emscripten's worker code as a
 * classic script, which expects `require` and `__filename` as globals: they are set here, in this
 * worker thread's own global scope, not in the process that loaded torchlab.
 */
import * as vm from "vm";

const source = require("@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js") as { wasmWorkerContents: string };
Object.assign(globalThis, { require, __filename });
// The string holds "\n" escapes that became real newlines inside string literals when it was embedded.
vm.runInThisContext(source.wasmWorkerContents.replace(/\n/g, "\\n"), { filename: "tfjs-backend-wasm-threaded-simd.worker.js" });

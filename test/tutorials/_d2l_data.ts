/**
 * Small inline stand-ins for d2l's downloads, the same text as test/reference/_d2l_data.py: the opening
 * of H. G. Wells' The Time Machine (1895, public domain; d2l's timemachine.txt) and a few lines of the
 * tab-separated fra-eng pairs (d2l's fra.txt, from the Tatoeba project), and a small synthetic stand-in for
 * Kaggle's house prices (kaggle_house_pred_train.csv / _test.csv).
 */
import * as fs from "fs";
import * as path from "path";

const py = fs.readFileSync(path.join(__dirname, "..", "reference", "_d2l_data.py"), "utf8");
/** The Python string literal `NAME = """..."""` of _d2l_data.py, with its `\t` and `\uXXXX` escapes read. */
function literal(name: string): string {
  const m = new RegExp(`${name} = """([\\s\\S]*?)"""`).exec(py);
  if (!m) throw new Error(`_d2l_data.py has no ${name}`);
  return m[1].replace(/\\t/g, "\t").replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export const TIME_MACHINE = literal("TIME_MACHINE");
export const FRA_ENG = literal("FRA_ENG");
export const KAGGLE_HOUSE_TRAIN = literal("KAGGLE_HOUSE_TRAIN");
export const KAGGLE_HOUSE_TEST = literal("KAGGLE_HOUSE_TEST");

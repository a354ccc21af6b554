/**
 * Which files the compiler watches (kernel/resolve.ts's UNWATCHED): the notebook folder's own
 * modules, so that an edit to one reaches the next cell that imports it, and none of the installed
 * libraries' declarations (TypeScript's lib files, @types/node, torchlab's dist/), which a start
 * used to watch one by one (~420 watches per kernel).
 */
import * as fs from "fs";
import * as path from "path";
import { isLibraryFile } from "../../kernel/preload";
import { tslabTypeScript } from "../../kernel/resolve";
import { Session } from "../../kernel/session";
import { ROOT, tempDir } from "./helpers";

test("a cell's local module is watched and its edit reaches the next cell; the libraries' declarations are not watched", async () => {
  const dir = tempDir("torchlab-watch-");
  const helper = path.join(dir, "helper.ts");
  fs.writeFileSync(helper, "export const scale = (x: number): number => x * 2;\n");
  const sys = tslabTypeScript().sys;
  const watchFile = sys.watchFile!;
  const watched: string[] = [];
  sys.watchFile = (file, ...rest) => {
    watched.push(path.resolve(file));
    return watchFile.call(sys, file, ...rest);
  };
  // tslab's converter compiles cells in the current folder, as a notebook's folder.
  const cwd = process.cwd();
  process.chdir(dir);
  const session = new Session(dir);
  try {
    // Node's globals: the cell's program reads TypeScript's lib files and @types/node.
    expect(await session.execute(`import { scale } from "./helper";\nscale(process.argv.length > 0 ? 21 : 0)`)).toEqual({ status: "ok", hasValue: true, value: 42 });
    expect(watched).toContain(helper);
    expect(watched.filter((file) => isLibraryFile(file, ROOT))).toEqual([]);

    // The edit changes the type too: a cell checked against the old declarations would fail.
    fs.writeFileSync(helper, "export const scale = (x: number): string => `${x * 3}`;\n");
    let outcome = await session.execute(`import { scale as s2 } from "./helper";\nconst t: string = s2(5); t`);
    for (let i = 0; i < 50 && outcome.status !== "ok"; i++) {
      // The file watcher's event arrives on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 100));
      outcome = await session.execute(`import { scale as s3 } from "./helper";\nconst u: string = s3(5); u`);
    }
    expect(outcome).toEqual({ status: "ok", hasValue: true, value: "15" });
  } finally {
    sys.watchFile = watchFile;
    session.close();
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120000);

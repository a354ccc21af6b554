/**
 * `torchlab <command>`: install | kernel | run. Arguments are parsed by hand: three commands with
 * a few flags each do not justify a parser dependency.
 */
import type { InstallScope } from "./install";
import { SUPERVISED_ENV } from "./node_args";

const USAGE = `usage:
  torchlab install [--user | --sys-prefix | --prefix DIR]   register the Jupyter kernelspec
  torchlab kernel --connection-file FILE                    start the kernel (what Jupyter runs)
  torchlab run <notebook.ipynb | folder>... [--out DIR] [--timeout SECONDS] [--seed N]
                                                            execute notebooks, write .ipynb and .html
  torchlab assign SOURCE.ipynb... --out DIR                 release an nbgrader-style assignment to students
  torchlab grade SUBMISSIONS... --source SOURCE.ipynb --out DIR [--jobs N] [--cell-timeout S]
                 [--timeout S] [--memory MB] [--seed N]     autograde, each submission in a sandboxed kernel
  torchlab --version`;

class UsageError extends Error {}

/** Splits `args` into positionals and `--flag [value]` options; `valued` names the flags that take a value. */
function parse(args: string[], valued: string[], flags: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) {
        throw new UsageError(`--${name} needs a value`);
      }
      options.set(name, value);
    } else if (flags.includes(name) && inline === undefined) {
      options.set(name, "");
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { positional, options };
}

function numberOption(options: Map<string, string>, name: string, fallback: number): number {
  const raw = options.get(name);
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new UsageError(`--${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

async function dispatch(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "install": {
      const { positional, options } = parse(rest, ["prefix"], ["user", "sys-prefix"]);
      if (positional.length > 0 || options.size > 1) {
        throw new UsageError("install takes at most one of --user, --sys-prefix, --prefix DIR");
      }
      const scope: InstallScope = options.has("user")
        ? { kind: "user" }
        : options.has("sys-prefix")
          ? { kind: "sys-prefix" }
          : options.has("prefix")
            ? { kind: "prefix", dir: options.get("prefix")! }
            : process.getuid?.() === 0
              ? { kind: "system" }
              : { kind: "user" };
      const { install } = await import("./install");
      console.log(`Installed the torchlab kernelspec in ${install(scope)}`);
      return 0;
    }
    case "kernel": {
      const { positional, options } = parse(rest, ["connection-file"], []);
      const file = options.get("connection-file") ?? positional[0];
      if (!file) {
        throw new UsageError("kernel needs --connection-file FILE");
      }
      // Each command loads only its own modules: a kernel start waits on the supervisor's loading,
      // then on the kernel's (whose modules load from the compile cache, enabled first).
      if (process.env[SUPERVISED_ENV] === undefined) {
        return (await import("./supervisor")).superviseKernel(file);
      }
      // Before the server's modules load, so that they come from the compile cache too (kernel/compile_cache.ts).
      (await import("./compile_cache")).enableCompileCache();
      const { runKernel } = await import("./server");
      await runKernel(file);
      return 0;
    }
    case "run": {
      const { positional, options } = parse(rest, ["out", "timeout", "seed"], []);
      if (positional.length === 0) {
        throw new UsageError("run needs a notebook or a folder of notebooks");
      }
      const { runNotebooks } = await import("./runner");
      const failures = await runNotebooks(positional, {
        out: options.get("out"),
        timeout: numberOption(options, "timeout", 600),
        seed: numberOption(options, "seed", 0),
      });
      for (const failure of failures) {
        process.stderr.write(`FAILED ${failure}\n`);
      }
      return failures.length === 0 ? 0 : 1;
    }
    case "assign": {
      const { positional, options } = parse(rest, ["out"], []);
      if (positional.length === 0 || !options.has("out")) throw new UsageError("assign needs SOURCE.ipynb... and --out DIR");
      const { assignNotebooks } = await import("./course/assign");
      assignNotebooks(positional, options.get("out")!);
      return 0;
    }
    case "grade": {
      const { positional, options } = parse(rest, ["source", "out", "jobs", "cell-timeout", "timeout", "memory", "seed"], []);
      if (positional.length === 0 || !options.has("source") || !options.has("out")) {
        throw new UsageError("grade needs SUBMISSIONS..., --source SOURCE.ipynb and --out DIR");
      }
      const os = await import("os");
      const { gradeSubmissions } = await import("./course/grade");
      const jobs = Math.max(1, Math.floor(numberOption(options, "jobs", os.availableParallelism?.() ?? os.cpus().length)));
      const results = await gradeSubmissions(positional, {
        source: options.get("source")!,
        out: options.get("out")!,
        jobs,
        cellTimeout: numberOption(options, "cell-timeout", 60),
        timeout: numberOption(options, "timeout", 600),
        memoryMb: numberOption(options, "memory", 2048),
        seed: numberOption(options, "seed", 0),
      });
      for (const r of results) console.log(`${r.student}\t${r.score} / ${r.max_score}${r.failure ? `\t${r.failure}` : ""}`);
      return 0;
    }
    case "--version":
      console.log((await import("./package")).packageVersion());
      return 0;
    case undefined:
    case "help":
    case "--help":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

export function main(args: string[]): void {
  dispatch(args).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`torchlab: ${error.message}\n${USAGE}\n`);
        process.exitCode = 2;
      } else {
        // A course file's mistake (kernel/course) is the user's to fix: its message, without our stack.
        const text = error instanceof Error ? (error.name === "AssignmentError" ? error.message : error.stack ?? error.message) : String(error);
        process.stderr.write(`torchlab: ${text}\n`);
        process.exitCode = 1;
      }
    },
  );
}

import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
/** What `pnpm build` emits for main.ts, and what the image runs. */
const BUILT_MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** One `main.ts` process in a role, as a deployment runs it (`all`: the sandbox's one process). */
export interface RoleProcess {
  readonly role: "all" | "gateway" | "worker";
  /** To read its memory from /proc. */
  readonly pid: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first stdout line matching; fails if the process ends first or on timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Sends `signal` and resolves with how it ended: `exit <code>` or the signal's name. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<string>;
  /** Resolves with how it ended by itself; SIGKILLs it and fails after `timeoutMs`. */
  ended(timeoutMs: number): Promise<string>;
}

/**
 * Starts `node --import tsx packages/gateway/src/main.ts` with only `env` (plus PATH and HOME), or
 * with `built`, `node packages/gateway/dist/main.js` as production does.
 */
export function spawnRole(
  role: RoleProcess["role"],
  env: Readonly<Record<string, string>>,
  options: { readonly built?: boolean } = {},
): RoleProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    options.built ? [BUILT_MAIN] : ["--import", "tsx", MAIN],
    {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env, ROLE: role },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const ended = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  let end: string | null = null;
  void ended.then((how) => (end = how));
  const output = () => `--- ${role} stdout\n${stdout}\n--- ${role} stderr\n${stderr}`;

  return {
    role,
    pid: child.pid!,
    output,
    async waitForLine(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = stdout.split("\n").find((l) => pattern.test(l));
        if (line !== undefined) return pattern.exec(line)!;
        if (end !== null) throw new Error(`${role} ended (${end}) before ${pattern}\n${output()}`);
        if (Date.now() > deadline) throw new Error(`${role}: no ${pattern} in ${timeoutMs} ms\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal, timeoutMs) {
      if (end !== null) return end;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const how = await ended;
      clearTimeout(timer);
      return how;
    },
    async ended(timeoutMs) {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, timeoutMs);
      const how = await ended;
      clearTimeout(timer);
      if (timedOut) throw new Error(`${role} still running after ${timeoutMs} ms\n${output()}`);
      return how;
    },
  };
}

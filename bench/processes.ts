/**
 * Child processes for the benchmarks: the app as it runs in production (`node --import tsx
 * src/cli.ts serve`) and the bare-Bolt floor (bench/floor-app.ts), each in its own process so
 * the load generator does not share their event loop. Reads CPU time and peak memory from
 * /proc (Linux).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A child process serving HTTP on `url`. */
export interface ServedProcess {
  url: string;
  child: ChildProcess;
  /** Stops it (SIGTERM, SIGKILL after 10 s) and resolves when it has exited. */
  stop(): Promise<void>;
}

/** A developer's `.env` must not change what is measured: the children read no env file. */
const NO_ENV_FILE = { DOTENV_CONFIG_PATH: "/nonexistent/koordinators-bench.env" };

/** Node flags from an environment variable of the bench, split at spaces. */
export function flagsFrom(name: string): string[] {
  return (process.env[name] ?? "").split(" ").filter(Boolean);
}

/**
 * Node flags for the children: TypeScript through tsx, plus `BENCH_NODE_FLAGS` (e.g. --cpu-prof)
 * for every child and `own` for this one only (e.g. the app's `BENCH_APP_NODE_FLAGS`).
 */
function nodeArgs(script: string, args: string[], own: string[] = []): string[] {
  return [
    ...flagsFrom("BENCH_NODE_FLAGS"),
    ...own,
    "--import",
    "tsx",
    join(process.cwd(), script),
    ...args,
  ];
}

/**
 * Spawns `script args` with `env` (plus PATH and HOME) and resolves once `GET <url><path>`
 * answers (any HTTP status).
 * @throws Error when the child exits first or does not answer within `timeoutMs`.
 */
export async function spawnServer(
  script: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  opts: { readyPath?: string; timeoutMs?: number; nodeFlags?: string[] } = {},
): Promise<ServedProcess> {
  const child = spawn(process.execPath, nodeArgs(script, args, opts.nodeFlags), {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...NO_ENV_FILE, ...env },
    stdio: ["ignore", process.env.BENCH_CHILD_STDOUT ? "inherit" : "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-2000);
  });
  const end = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    const ok = await fetch(`${url}${opts.readyPath ?? "/"}`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) {
      child.kill("SIGKILL");
      throw new Error(`${script} did not answer at ${url}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after 10 s; resolves on exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Peak resident memory (VmHWM) of a process so far, in MB; 0 when unknown. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** A child process that talks to the bench over IPC (`process.send`). */
export interface MessagingProcess<In, Out> {
  child: ChildProcess;
  send(message: In): void;
  /** The next message `accept` takes. @throws Error when the child exits first or after `timeoutMs`. */
  next(accept: (message: Out) => boolean, timeoutMs?: number): Promise<Out>;
  /** Stops it (SIGTERM, SIGKILL after 10 s) and resolves when it has exited. */
  stop(): Promise<void>;
}

/** Spawns `script` with `env` (plus PATH and HOME) and an IPC channel to this process. */
export function spawnMessaging<In, Out>(
  script: string,
  env: Record<string, string>,
): MessagingProcess<In, Out> {
  const child = spawn(process.execPath, nodeArgs(script, []), {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...NO_ENV_FILE, ...env },
    stdio: ["ignore", process.env.BENCH_CHILD_STDOUT ? "inherit" : "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-2000);
  });
  return {
    child,
    send: (message) => child.send(message as object),
    next: (accept, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const onMessage = (message: Out) => {
          if (!accept(message)) return;
          done();
          resolve(message);
        };
        const onExit = () => {
          done();
          reject(new Error(`${script} exited: ${stderr}`));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${script}: no answer within ${timeoutMs} ms: ${stderr}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
        };
        child.on("message", onMessage);
        child.once("exit", onExit);
      }),
    stop: () => stopChild(child),
  };
}

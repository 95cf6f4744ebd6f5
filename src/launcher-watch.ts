/**
 * `serve` and `worker` end with the npm script that launched them.
 *
 * `npm start` runs `npm → sh -c → tsx → node (serve)`. Ctrl-C reaches the whole process group,
 * but `kill <npm pid>` reaches only npm, which passes the SIGTERM to `sh`; `sh` dies and `tsx`,
 * the serve process and its private redis-server keep running, orphaned. So a process started by
 * an npm script watches the processes between itself and npm (and npm itself) and, once one of
 * them is gone, sends itself SIGTERM: the usual ordered shutdown, private Redis included.
 *
 * Outside an npm script nothing is watched: `nohup koordinators serve &`, systemd and
 * containers decide themselves when the app ends. Linux reads the chain from /proc; elsewhere
 * only the direct parent is watched.
 *
 * The same /proc reading tells whether a recorded process still runs ({@link processIdentity},
 * {@link isRunning}): the owner of a private redis-server (src/redis-server.ts).
 */
import { readFileSync } from "node:fs";

/** How often the launcher chain is checked, in ms. */
export const LAUNCHER_POLL_MS = 1_000;

/** Ancestors followed at most (npm → sh → tsx is three). */
const CHAIN_MAX = 8;

/**
 * A process's parent, whether it is a zombie (exited, not yet reaped) and when it started (clock
 * ticks after boot: with the pid, it names one process even once the pid is reused), from
 * /proc; null without.
 */
function procStat(pid: number): { ppid: number; zombie: boolean; started: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid … starttime …": comm may hold spaces and parentheses; the last ")"
    // ends it. starttime is field 22 (proc(5)), the 20th after comm.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [state, ppid] = fields;
    return {
      ppid: Number(ppid),
      zombie: state === "Z" || state === "X",
      started: fields[19] ?? "",
    };
  } catch {
    return null;
  }
}

/**
 * Who a process is, for telling later whether it still runs: "pid starttime" on Linux, the pid
 * alone elsewhere (see {@link isRunning}).
 */
export function processIdentity(pid: number = process.pid): string {
  const started = procStat(pid)?.started;
  return started ? `${pid} ${started}` : String(pid);
}

/**
 * Whether the process {@link processIdentity} named still runs: alive, not a zombie, and (where
 * the start time was recorded) started at that time, so a pid reused by another process is not
 * taken for it. False for text that names no process.
 */
export function isRunning(identity: string): boolean {
  const [pidText, started] = identity.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (!alive(pid)) return false;
  return started === undefined || procStat(pid)?.started === started;
}

/** Whether `pid` was started inside an npm script (its environment names the script). */
function startedByNpmScript(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .some((entry) => entry.startsWith("npm_lifecycle_event="));
  } catch {
    return false;
  }
}

/**
 * The processes this one depends on when an npm script started it: its parent, and upwards
 * while the process is itself part of the script (`tsx`, `sh`), ending with the one that ran it
 * (npm). Empty outside an npm script.
 */
export function launcherChain(
  env: NodeJS.ProcessEnv = process.env,
  ppid: number = process.ppid,
): number[] {
  if (!env.npm_lifecycle_event) return [];
  const chain = [ppid];
  let pid = ppid;
  while (chain.length < CHAIN_MAX && startedByNpmScript(pid)) {
    const parent = procStat(pid)?.ppid;
    if (!parent || parent <= 1 || chain.includes(parent)) break;
    chain.push(parent);
    pid = parent;
  }
  return chain;
}

function alive(pid: number): boolean {
  const stat = procStat(pid);
  if (stat) return !stat.zombie;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Calls `onGone` once (default: sends this process SIGTERM) when a process of
 * {@link launcherChain} ends or this process's parent changes, checking every `intervalMs`.
 * The timer does not keep the process alive.
 * @returns stops watching; the chain watched is on it as `chain` (empty: nothing to watch).
 */
export function endWithLauncher(
  opts: { intervalMs?: number; onGone?: () => void; env?: NodeJS.ProcessEnv } = {},
): { chain: number[]; stop: () => void } {
  const chain = launcherChain(opts.env);
  if (chain.length === 0) return { chain, stop: () => {} };
  const parent = process.ppid;
  const onGone = opts.onGone ?? (() => process.kill(process.pid, "SIGTERM"));
  const timer = setInterval(() => {
    if (process.ppid === parent && chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, opts.intervalMs ?? LAUNCHER_POLL_MS);
  timer.unref();
  return { chain, stop: () => clearInterval(timer) };
}

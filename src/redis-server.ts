import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { Redis, ReplyError } from "ioredis";
import { isRunning, processIdentity } from "./launcher-watch.ts";

/** A `redis-server` process this app started and owns. */
export interface PrivateRedis {
  /** "redis://127.0.0.1:PORT". */
  url: string;
  port: number;
  /**
   * The server this one replaced: one left running on the same `dir` by an owner that is gone
   * (a SIGKILLed `serve`), shut down with its data saved before this one started on that data.
   * `owner` is the gone owner's pid. Null when there was none.
   */
  replaced: { url: string; pid: number; owner: number } | null;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/**
 * Thrown by {@link startPrivateRedis} when a private redis-server already runs on `dir` for
 * another process that is still running (a second `serve` on the same DATA_DIR), or for an
 * owner nobody recorded: two servers writing one AOF would corrupt the queue, so none is started.
 * The message (English, for logs and callers that are not the CLI) says what to do; the CLI
 * says the same in the console's language from `dir`, `owner` and `server`.
 */
export class PrivateRedisInUseError extends Error {
  constructor(
    readonly dir: string,
    /** The owner's pid, or null when no owner is recorded. */
    readonly owner: number | null,
    /** The running server, when it answers. */
    readonly server: { url: string; pid: number } | null,
  ) {
    const at = server ? ` (${server.url}, pid ${server.pid})` : "";
    super(
      owner !== null
        ? `Another Koordinators process (pid ${owner}) is already running with its private Redis in ${dir}${at}. Stop it first, or give this one another DATA_DIR (or set REDIS_URL to a Redis both may share): a second redis-server on the same data would corrupt the job queue.`
        : `A redis-server${at} is already running on ${dir} and no running Koordinators process is recorded as its owner. Stop it (\`redis-cli -u ${server?.url ?? "redis://127.0.0.1:PORT"} shutdown\`) and start again: a second redis-server on the same data would corrupt the job queue.`,
    );
    this.name = "PrivateRedisInUseError";
  }
}

/** Thrown when no `redis-server` binary is on the PATH; the message says how to install one. */
export class RedisNotInstalledError extends Error {
  constructor() {
    super(
      "redis-server was not found. Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`) or set REDIS_URL to an existing Redis.",
    );
    this.name = "RedisNotInstalledError";
  }
}

/** True when a `redis-server` binary can be run. */
export function redisServerAvailable(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a private `redis-server` on a free port of 127.0.0.1, keeping its data (AOF) under
 * `dir`, and resolves once it accepts connections. Used by `serve` when REDIS_URL is unset,
 * and by the tests (which must never touch a Redis they did not start).
 * `persist: false` keeps nothing on disk (tests). The server is sent SIGTERM when this process
 * exits without `stop()`; a SIGKILLed owner still leaves it running, so the next start on the
 * same `dir` shuts that one down first (see {@link claimDir}).
 * @throws RedisNotInstalledError when the binary is missing; PrivateRedisInUseError when
 *   another running process owns `dir`; Error when it exits early or a server left on `dir`
 *   cannot be shut down.
 */
export async function startPrivateRedis(opts: {
  dir: string;
  port?: number;
  persist?: boolean;
  /** Start it again when it dies (the app's own server; tests that stop Redis on purpose say no). */
  supervise?: boolean;
}): Promise<PrivateRedis> {
  if (!redisServerAvailable()) throw new RedisNotInstalledError();
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const replaced = await claimDir(dir);
  const owned = join(dir, OWNER_FILE);
  try {
    return await spawnPrivateRedis(dir, opts, replaced);
  } catch (error) {
    rmSync(owned, { force: true });
    throw error;
  }
}

async function spawnPrivateRedis(
  dir: string,
  opts: { port?: number; persist?: boolean; supervise?: boolean },
  replaced: PrivateRedis["replaced"],
): Promise<PrivateRedis> {
  const port = opts.port ?? (await freePort());
  const persist = opts.persist ?? true;
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    persist ? "yes" : "no",
    "--daemonize",
    "no",
    "--protected-mode",
    "yes",
    "--loglevel",
    "notice",
  ];
  let child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  await waitUntilReady(child, port);
  let stopping = false;
  const restarts: number[] = [];
  // Supervise: a private server that dies is started again on the same port and data (its
  // AOF keeps the queue), at most 5 times a minute; the app's connections reconnect by themselves.
  const supervise = (current: ChildProcess) => {
    current.once("exit", () => {
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? 0) < now - 60_000) restarts.shift();
      if (stopping || !opts.supervise || restarts.length >= 5) return;
      restarts.push(now);
      setTimeout(() => {
        if (stopping) return;
        child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
        waitUntilReady(child, port).then(
          () => supervise(child),
          () => {},
        );
      }, 500).unref();
    });
  };
  supervise(child);
  const url = `redis://127.0.0.1:${port}`;
  const announced = join(dir, RUNNING_FILE);
  writeFileSync(announced, `${url}\n`);
  // The owner ending without stop() (an uncaught error, process.exit) takes its server along:
  // an orphaned one would keep the port and the AOF. Synchronous, as "exit" listeners must be.
  // The owner file stays: it names this process, gone in a moment, so a start that comes while
  // the server is still exiting takes the folder over and waits for it.
  const endWithOwner = () => {
    stopping = true;
    rmSync(announced, { force: true });
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.once("exit", endWithOwner);
  return {
    url,
    port,
    replaced,
    stop: async () => {
      stopping = true;
      process.off("exit", endWithOwner);
      rmSync(announced, { force: true });
      await stopChild(child);
      rmSync(join(dir, OWNER_FILE), { force: true });
    },
  };
}

/**
 * File under a private server's `dir` naming the process that owns it (its pid and start time,
 * {@link processIdentity}), from before the server starts until it has stopped.
 */
export const OWNER_FILE = "owner.pid";

/**
 * Makes this process the owner of `dir` (creating {@link OWNER_FILE} exclusively) so that only
 * one private redis-server ever runs on its data:
 * - the recorded owner still runs (another `serve` on the same DATA_DIR, or this process's own
 *   server not stopped yet) → PrivateRedisInUseError;
 * - the recorded owner is gone (SIGKILLed, or the machine restarted) → the folder is taken over,
 *   and a server it left running there (verified by its `CONFIG GET dir`) is shut down with
 *   `SHUTDOWN SAVE`, so every queued job is on disk when the new server loads the data;
 * - nobody is recorded but a server runs there (started by a version that did not record its
 *   owner) → PrivateRedisInUseError: whether its owner lives cannot be told.
 * Two starts racing over one dead owner's file can both take it over (remove + create is not
 * atomic); starts one after the other cannot.
 * @returns the server shut down, or null.
 */
async function claimDir(dir: string): Promise<PrivateRedis["replaced"]> {
  const file = join(dir, OWNER_FILE);
  let previous: string | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      writeFileSync(file, `${processIdentity()}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw error;
    }
    const owner = readOwner(file);
    if (owner === null) continue; // its owner stopped meanwhile: try again
    if (isRunning(owner)) {
      throw new PrivateRedisInUseError(dir, ownerPid(owner), await probePrivateRedis(dir));
    }
    previous = owner;
    rmSync(file, { force: true });
  }
  try {
    const left = await probePrivateRedis(dir);
    if (!left) return null;
    if (previous === null) throw new PrivateRedisInUseError(dir, null, left);
    await shutDownSaving(left);
    return { ...left, owner: ownerPid(previous) };
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

function readOwner(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

const ownerPid = (identity: string) => Number(identity.split(/\s+/)[0]);

/**
 * Shuts a server down with `SHUTDOWN SAVE` (its data written to disk first) and waits until its
 * process is gone.
 * @throws Error when it refuses (it could not save: it keeps running) or does not end in 15 s.
 */
async function shutDownSaving(server: { url: string; pid: number }): Promise<void> {
  const connection = probeConnection(server.url);
  try {
    await connection.connect();
    await connection.call("SHUTDOWN", "SAVE");
  } catch (error) {
    // The server closes the connection as it exits; only an error reply is a refusal.
    if (error instanceof ReplyError) {
      throw new Error(
        `The redis-server left running at ${server.url} (pid ${server.pid}) refused to shut down (${(error as Error).message}); stop it and start again.`,
      );
    }
  } finally {
    connection.disconnect();
  }
  const end = Date.now() + 15_000;
  while (isRunning(String(server.pid))) {
    if (Date.now() > end) {
      throw new Error(
        `The redis-server left running at ${server.url} (pid ${server.pid}) did not stop within 15 s; stop it and start again.`,
      );
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** File under a private server's `dir` holding its URL while it runs (see {@link findRunningPrivateRedis}). */
export const RUNNING_FILE = "running.url";

/**
 * The URL of the private redis-server a running `serve` started under `dir` (DATA_DIR/redis),
 * so a CLI command in another terminal can schedule jobs on the app's own queue without
 * REDIS_URL. The URL is read from `dir/running.url` and trusted only when a server answers
 * there and its `CONFIG GET dir` is this very folder: a file left by a killed app can name a
 * port some other Redis now uses, and jobs must never be written into that one.
 * Null when no such server runs. Never throws.
 */
export async function findRunningPrivateRedis(dir: string): Promise<string | null> {
  return (await probePrivateRedis(dir))?.url ?? null;
}

/**
 * The private redis-server running on `dir` as {@link findRunningPrivateRedis} finds it, with
 * its process id (`INFO server`). Null when none. Never throws.
 */
async function probePrivateRedis(dir: string): Promise<{ url: string; pid: number } | null> {
  let url: string;
  let expected: string;
  try {
    url = readFileSync(join(dir, RUNNING_FILE), "utf8").trim();
    expected = realpathSync(dir);
  } catch {
    return null;
  }
  if (!/^redis:\/\/127\.0\.0\.1:\d+$/.test(url)) return null;
  const probe = probeConnection(url);
  try {
    await probe.connect();
    const reply = (await probe.call("CONFIG", "GET", "dir")) as string[];
    if (reply[1] !== expected) return null;
    const pid = Number(/process_id:(\d+)/.exec(await probe.info("server"))?.[1]);
    return Number.isInteger(pid) && pid > 0 ? { url, pid } : null;
  } catch {
    return null;
  } finally {
    probe.disconnect();
  }
}

/** A one-off connection that fails at once instead of retrying. */
function probeConnection(url: string): Redis {
  const connection = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  connection.on("error", () => {});
  return connection;
}

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((done, fail) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        cleanup();
        done();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      fail(
        new Error(
          `redis-server on port ${port} exited (code ${code}): ${output.trim().slice(-500)}`,
        ),
      );
    };
    const cleanup = () => {
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.once("exit", onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";

/** A `redis-server` process this app started and owns. */
export interface PrivateRedis {
  /** "redis://127.0.0.1:PORT". */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
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
 * exits without `stop()`; a SIGKILLed owner still leaves it running.
 * @throws RedisNotInstalledError when the binary is missing; Error when it exits early.
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
  const endWithOwner = () => {
    stopping = true;
    rmSync(announced, { force: true });
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.once("exit", endWithOwner);
  return {
    url,
    port,
    stop: async () => {
      stopping = true;
      process.off("exit", endWithOwner);
      rmSync(announced, { force: true });
      await stopChild(child);
    },
  };
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
  let url: string;
  let expected: string;
  try {
    url = readFileSync(join(dir, RUNNING_FILE), "utf8").trim();
    expected = realpathSync(dir);
  } catch {
    return null;
  }
  if (!/^redis:\/\/127\.0\.0\.1:\d+$/.test(url)) return null;
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    const reply = (await probe.call("CONFIG", "GET", "dir")) as string[];
    return reply[1] === expected ? url : null;
  } catch {
    return null;
  } finally {
    probe.disconnect();
  }
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

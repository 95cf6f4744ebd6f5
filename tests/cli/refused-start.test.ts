/**
 * A start refused — PORT held by another process, or DATA_DIR's private Redis owned by another
 * running app — is said in the operator's language (DEFAULT_LOCALE, or --lang), exit 1.
 */
import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureText } from "../../src/cli/failure.ts";
import { PortInUseError } from "../../src/port-in-use.ts";
import {
  type PrivateRedis,
  PrivateRedisInUseError,
  startPrivateRedis,
} from "../../src/redis-server.ts";
import { localModeEnv } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("a refused start's message", () => {
  it("names the port and PORT, in Latvian and English", () => {
    const error = new PortInUseError(3000);
    expect(failureText(error, "lv")).toBe(
      "Ports 3000 jau ir aizņemts (cita lietotne vai vēl viens Koordinators). Iestatiet PORT uz brīvu portu vai apturiet otru procesu.",
    );
    expect(failureText(error, "en")).toBe(error.message);
  });

  it("names the other process and the folder, or how to stop a server no one owns", () => {
    const server = { url: "redis://127.0.0.1:7000", pid: 42 };
    const owned = new PrivateRedisInUseError("/d/redis", 41, server);
    expect(failureText(owned, "lv")).toContain(
      "Cits Koordinatora process (pid 41) jau darbojas ar savu privāto Redis mapē /d/redis (redis://127.0.0.1:7000, pid 42).",
    );
    expect(failureText(owned, "en")).toBe(owned.message);
    const unowned = new PrivateRedisInUseError("/d/redis", null, server);
    expect(failureText(unowned, "lv")).toContain(
      "Apturiet to (`redis-cli -u redis://127.0.0.1:7000 shutdown`) un startējiet vēlreiz",
    );
    expect(failureText(unowned, "en")).toBe(unowned.message);
  });
});

let holder: Server;
let port: number;
let redis: PrivateRedis;
let dataDir: string;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "0.0.0.0", resolve));
  port = (holder.address() as { port: number }).port;
  // This test process owns the folder's private Redis, as a running `serve` would.
  dataDir = tempDir();
  redis = await startPrivateRedis({ dir: join(dataDir, "redis"), persist: false });
});
afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  await redis?.stop();
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("npm start refused", { timeout: 90_000 }, () => {
  it("on a PORT another process holds: in Latvian by default, exit 1, nothing started", async () => {
    const dir = tempDir();
    const result = await runCli(["serve"], { ...localModeEnv(dir), PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Ports ${port} jau ir aizņemts`);
    expect(result.stderr).not.toContain("EADDRINUSE");
    // Checked before anything starts: no private Redis (its folder, pid and URL files), no
    // store file, no local workspace under DATA_DIR, and no log of a redis-server started.
    expect(readdirSync(dir)).toEqual([]);
    expect(`${result.stdout}${result.stderr}`).not.toContain("redis-server");
  });

  it("on a busy PORT in English with --lang en", async () => {
    const dir = tempDir();
    const result = await runCli(["serve", "--lang", "en"], {
      ...localModeEnv(dir),
      PORT: String(port),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} is already in use`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("on a DATA_DIR whose app still runs: in English with --lang en, exit 1", async () => {
    const result = await runCli(["serve", "--lang", "en"], localModeEnv(dataDir));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Another Koordinators process (pid ${process.pid}) is already running with its private Redis`,
    );
    const lv = await runCli(["serve"], localModeEnv(dataDir));
    expect(lv.code).toBe(1);
    expect(lv.stderr).toContain(`Cits Koordinatora process (pid ${process.pid}) jau darbojas`);
    // A `worker` there is not refused: it uses that app's private Redis (worker-adopts.test.ts).
  });
});

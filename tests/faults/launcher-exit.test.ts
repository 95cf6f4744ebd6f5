/**
 * `kill <npm pid>` while `npm start` runs: npm passes SIGTERM to its `sh -c` only, so tsx, the
 * serve process and its private redis-server used to keep running. The serve process watches
 * the chain up to npm (src/launcher-watch.ts) and stops in order; its private Redis with it.
 * And a private redis-server ends when its owner exits without stopping it (an uncaught error).
 */

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNNING_FILE } from "../../src/redis-server.ts";
import { tempDir } from "../helpers/store.ts";
import { ended, killGroupAfterEach, parentOf, redisPid } from "./processes.ts";
import { localModeEnv, until } from "./support.ts";

const track = killGroupAfterEach();

describe.runIf(existsSync("/proc/self/stat"))("npm start killed by its pid", () => {
  it.each(["SIGTERM", "SIGKILL"] as const)(
    "after %s to npm, serve stops in order and its private redis-server ends",
    async (signal) => {
      const dir = tempDir();
      let output = "";
      const npm = spawn("npm", ["start"], {
        cwd: process.cwd(),
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: localModeEnv(dir),
      });
      track(npm);
      npm.stdout?.on("data", (c: Buffer) => {
        output += c.toString();
      });
      npm.stderr?.on("data", (c: Buffer) => {
        output += c.toString();
      });
      const running = join(dir, "redis", RUNNING_FILE);
      await until(async () => existsSync(join(dir, "local-slack.json")), 90_000);
      const redis = await redisPid(readFileSync(running, "utf8").trim());
      const serve = parentOf(redis);
      expect(ended(serve)).toBe(false);

      npm.kill(signal);
      await until(async () => ended(serve) && ended(redis), 20_000);
      expect(output).toContain('"msg":"stopping"');
      expect(existsSync(running)).toBe(false);
    },
    150_000,
  );
});

describe.runIf(existsSync("/proc/self/stat"))("a private redis-server's owner", () => {
  it("takes the server along when it exits without stop()", async () => {
    const dir = tempDir();
    const script = [
      `import { startPrivateRedis } from ${JSON.stringify(join(process.cwd(), "src/redis-server.ts"))};`,
      `const redis = await startPrivateRedis({ dir: ${JSON.stringify(dir)}, persist: false });`,
      "console.log(redis.url);",
      'setTimeout(() => { throw new Error("crash"); }, 200);',
    ].join("\n");
    const owner = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    owner.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => owner.once("exit", resolve));
    await until(async () => /redis:\/\/\S+/.test(output), 30_000);
    const redis = await redisPid(/redis:\/\/\S+/.exec(output)?.[0] ?? "");
    expect(ended(redis)).toBe(false);
    expect(await exited).not.toBe(0);
    await until(async () => ended(redis), 10_000);
    expect(existsSync(join(dir, RUNNING_FILE))).toBe(false);
  });
});

/**
 * SIGINT, as README says to stop the app: Ctrl-C (the terminal signals npm's whole process
 * group) or SIGINT to the app's own node process (the `pid` of its log lines) stops it in order,
 * its private redis-server with it, and the npm chain above it ends. (npm itself ignores a SIGINT
 * sent to its pid alone: README tells a process manager to send SIGTERM or signal the group;
 * SIGTERM to npm's pid is launcher-exit.test.ts.)
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

describe.runIf(existsSync("/proc/self/stat"))("npm start stopped with SIGINT", () => {
  it.each(["the app's own pid", "the process group (Ctrl-C)"] as const)(
    "SIGINT to %s: serve stops in order, its private redis-server and npm end",
    async (target) => {
      const dir = tempDir();
      let output = "";
      const child = spawn("npm", ["start"], {
        cwd: process.cwd(),
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: localModeEnv(dir),
      });
      track(child);
      child.stdout?.on("data", (c: Buffer) => {
        output += c.toString();
      });
      child.stderr?.on("data", (c: Buffer) => {
        output += c.toString();
      });
      const running = join(dir, "redis", RUNNING_FILE);
      await until(async () => existsSync(join(dir, "local-slack.json")), 90_000);
      const redis = await redisPid(readFileSync(running, "utf8").trim());
      const serve = parentOf(redis);
      const npmPid = child.pid ?? 0;
      expect(ended(serve)).toBe(false);
      // The app's pid is the one its log lines carry.
      expect(output).toContain(`"pid":${serve}`);

      if (target === "the app's own pid") process.kill(serve, "SIGINT");
      else process.kill(-npmPid, "SIGINT");
      await until(async () => ended(serve) && ended(redis) && ended(npmPid), 30_000);
      expect(output).toMatch(/"signal":"SIGINT"[^\n]*"msg":"stopping"/u);
      expect(output).toContain('"msg":"stopped"');
      expect(existsSync(running)).toBe(false);
    },
    150_000,
  );
});

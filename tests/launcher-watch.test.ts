import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  endWithLauncher,
  isRunning,
  launcherChain,
  processIdentity,
} from "../src/launcher-watch.ts";

describe("launcherChain", () => {
  it("is empty outside an npm script: nohup, systemd and containers decide themselves", () => {
    expect(launcherChain({})).toEqual([]);
    expect(
      endWithLauncher({ env: {}, onGone: () => expect.fail("nothing is watched") }).chain,
    ).toEqual([]);
  });

  it("starts at the parent inside an npm script and never repeats a process", () => {
    const chain = launcherChain({ npm_lifecycle_event: "start" });
    expect(chain[0]).toBe(process.ppid);
    expect(new Set(chain).size).toBe(chain.length);
    expect(chain).not.toContain(1);
  });

  it("keeps quiet while the chain lives", async () => {
    let gone = false;
    const watch = endWithLauncher({
      env: { npm_lifecycle_event: "test" },
      intervalMs: 10,
      onGone: () => {
        gone = true;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    watch.stop();
    expect(gone).toBe(false);
  });
});

describe("processIdentity and isRunning", () => {
  it("tell a running process from one that ended", () => {
    expect(isRunning(processIdentity())).toBe(true);
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    expect(isRunning(ended.stdout.toString())).toBe(false);
    expect(isRunning("")).toBe(false);
    expect(isRunning("not a pid")).toBe(false);
  });

  it.runIf(existsSync("/proc/self/stat"))(
    "take a reused pid (another start time) for another process",
    () => {
      const [pid, started] = processIdentity().split(" ");
      expect(started).toMatch(/^\d+$/);
      expect(isRunning(`${pid} ${Number(started) + 1}`)).toBe(false);
    },
  );
});

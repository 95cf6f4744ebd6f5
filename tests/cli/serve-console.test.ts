/**
 * What `npm start` prints for the person at the console: the banner in the operator's language
 * (DEFAULT_LOCALE, or --lang), and a last log line once everything has stopped.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bannerText } from "../../src/cli/banner.ts";
import { testConfig } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { type CliChild, localModeEnv, spawnCli, until } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";

const url = "http://127.0.0.1:3000";

describe("the start banner", () => {
  it("with Slack credentials says where Slack's requests go (HTTP) or that Socket Mode is on", () => {
    const http = { url, emulator: null, config: testConfig() };
    expect(bannerText(http, "serve", "lv")).toContain(
      "Koordinators darbojas: Slack pieprasījumus gaida http://127.0.0.1:3000/slack/events",
    );
    expect(bannerText(http, "serve", "en")).toContain(
      "Koordinators is running: Slack's requests go to http://127.0.0.1:3000/slack/events",
    );
    const config = testConfig();
    const socket = {
      url,
      emulator: null,
      config: { ...config, slack: { ...config.slack, mode: "socket" as const } },
    };
    expect(bannerText(socket, "serve", "lv")).toContain("darbojas Socket Mode režīmā");
    expect(bannerText(socket, "serve", "en")).toContain("running in Socket Mode");
    expect(bannerText(http, "worker", "lv")).toContain(
      "darba process darbojas (rinda „koordinators”)",
    );
    expect(bannerText(http, "serve", "en")).toContain("Stop it with Ctrl-C.");
    expect(bannerText(http, "serve", "lv")).not.toContain("NEDARBOJAS");
  });

  it("without Redis says reminders are off and how to get it, in either language", () => {
    const noRedis = { url, emulator: null, config: testConfig(), queue: null };
    expect(bannerText(noRedis, "serve", "lv")).toContain(
      "Atgādinājumi un plānotie kopsavilkumi NEDARBOJAS: Redis nav pieejams",
    );
    expect(bannerText(noRedis, "serve", "en")).toContain("sudo apt-get install -y redis-server");
  });

  it("in local mode names the app, the emulator and what to try, in either language", () => {
    const local = {
      url,
      emulator: { url: "http://127.0.0.1:4000" } as Emulator,
      config: testConfig(),
    };
    const lv = bannerText(local, "serve", "lv");
    expect(lv).toContain("darbojas lokālajā režīmā");
    expect(lv).toContain("emulators: http://127.0.0.1:4000");
    expect(lv).toContain('npm run slack -- "/task 14"');
    const en = bannerText(local, "serve", "en");
    expect(en).toContain("Koordinators is running in local mode");
    expect(en).toContain("App: http://127.0.0.1:3000/slack/events");
  });
});

const children: CliChild[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.child.kill("SIGKILL");
});

describe("npm start in local mode", { timeout: 120_000 }, () => {
  it("prints the banner in Latvian by default; on SIGTERM logs 'stopped' last", async () => {
    const serve = spawnCli(["serve"], localModeEnv(tempDir()));
    children.push(serve);
    await until(async () => serve.output().includes("Apturēt: Ctrl-C."), 90_000);
    expect(serve.output()).toContain("Koordinators darbojas lokālajā režīmā");
    expect(serve.output()).not.toContain("is running in local mode");
    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    // The last line says everything has stopped, and how long that took.
    const lines = serve.output().trim().split("\n");
    const last = JSON.parse(lines.at(-1) ?? "{}") as { msg?: string; ms?: unknown };
    expect(last.msg).toBe("stopped");
    expect(last.ms).toEqual(expect.any(Number));
  });

  it("two SIGINTs at once (Ctrl-C reaches npm, tsx and the app) still stop it in order", async () => {
    const dataDir = tempDir();
    const serve = spawnCli(["serve"], localModeEnv(dataDir));
    children.push(serve);
    await until(async () => serve.output().includes("Apturēt: Ctrl-C."), 90_000);
    // The second as soon as the first is being handled: Node's default for it would end the
    // process there, halfway through stopping.
    serve.child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"msg":"stopping"')) serve.child.kill("SIGINT");
    });
    serve.child.kill("SIGINT");
    expect(await serve.exited).toBe(0);
    const messages = serve
      .output()
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { msg?: string }).msg);
    expect(messages.at(-1)).toBe("stopped");
    // Its private Redis stopped with it: nothing is left owning the data folder.
    expect(existsSync(join(dataDir, "redis", "owner.pid"))).toBe(false);
  });
});

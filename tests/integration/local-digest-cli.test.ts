/**
 * `npm run cli -- digest --post` in local mode (no Slack credentials, no WORKGROUP_CHANNEL_ID):
 * like the app, the CLI takes the local channel C0LOCAL01 as the working group's and posts the
 * digest there, through the running local app's emulator (found by local-slack.json under
 * DATA_DIR — not under the working directory, which here is another folder).
 */

import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_CHANNEL_ID } from "../../src/config.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { startLocalApp } from "../helpers/app.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { tempDir } from "../helpers/store.ts";

const run = promisify(execFile);
let cwd: string;
let dataDir: string;
let databaseUrl: string;
let app: Running;

beforeAll(async () => {
  cwd = tempDir();
  dataDir = tempDir();
  app = await startLocalApp({ dataDir, workgroupChannelId: null });
  databaseUrl = app.config.databaseUrl;
});
afterAll(async () => {
  await app?.stop();
});

/** The real CLI run from `cwd` with the app's DATA_DIR, and no Slack setting at all. */
async function cli(args: string[]) {
  const env = {
    ...NO_ENV_FILE,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  const tsx = import.meta.resolve("tsx");
  const entry = join(process.cwd(), "src/cli.ts");
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", tsx, entry, ...args], {
      cwd,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("digest --post in local mode", { timeout: 120_000 }, () => {
  it("posts to the local channel without WORKGROUP_CHANNEL_ID", async () => {
    const emulator = app.emulator;
    if (!emulator) throw new Error("local mode starts an emulator");
    const posted = emulator.waitFor(
      isCall("chat.postMessage", (c) => c.ok && c.args.channel === LOCAL_CHANNEL_ID),
      30_000,
    );
    const result = await cli(["digest", "--post", "--lang", "en"]);
    expect(result.stderr).not.toContain("WORKGROUP_CHANNEL_ID");
    expect(result).toMatchObject({ code: 0, stdout: "Posted to #darba-grupa.\n" });
    expect((await posted).args.channel).toBe(LOCAL_CHANNEL_ID);
  });
});

/**
 * `npm run slack -- --home` when nothing publishes the Home: the local Slack (a real emulator)
 * sends the signed app_home_opened to an endpoint that answers 200 and never calls
 * views.publish, as an app that is not (fully) running would. The tool waits for the publish as
 * long as asked (not a fixed sleep), then says, in lv or en, that the app may not be running and
 * how to start it (exit 1).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLocalSlackFile } from "../../src/emulator/local-file.ts";
import { runSendCli } from "../../src/emulator/send-cli.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import { tempDir } from "../helpers/store.ts";

let emulator: Emulator;
let silent: Server;
let file: string;

beforeAll(async () => {
  emulator = await startEmulator();
  silent = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const port = (silent.address() as AddressInfo).port;
  file = join(tempDir(), "local-slack.json");
  await writeLocalSlackFile(
    {
      appUrl: `http://127.0.0.1:${port}`,
      emulatorUrl: emulator.url,
      signingSecret: "silent-secret",
      userId: "U0LOCAL01",
      channelId: "C0LOCAL01",
      teamId: "T0LOCAL01",
    },
    file,
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await emulator.stop();
});

async function home(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = Date.now();
  const code = await runSendCli(["--home", ...argv], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    file,
    timeoutMs: 1_000,
  });
  return { code, out: out.join("\n"), err: err.join("\n"), ms: Date.now() - started };
}

describe("npm run slack -- --home with no Home published", { timeout: 30_000 }, () => {
  it("waits as long as asked, then says the app may not be running (lv, en)", async () => {
    const lv = await home([]);
    expect(lv).toMatchObject({ code: 1, out: "" });
    expect(lv.err).toBe(slackToolText("lv").noHome("@local.user", 1));
    expect(lv.err).toContain("npm start");
    expect(lv.ms).toBeGreaterThanOrEqual(900);
    // --lang en: the tool's lines in English; the Home to choose it on is not published either.
    const en = await home(["--lang", "en"]);
    expect(en).toMatchObject({ code: 1, out: "" });
    expect(en.err).toBe(slackToolText("en").noHome("@local.user", 1));
  });
});

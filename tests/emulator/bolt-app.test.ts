/**
 * The emulator against a real Bolt app over HTTP: signed requests in, Web API calls and
 * response_url posts out. A miniature of what the project's wiring suite will do.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { writeLocalSlackFile } from "../../src/emulator/local-file.ts";
import { runSendCli } from "../../src/emulator/send-cli.ts";
import { type Emulator, isCall } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import { quietLogger, startEmulator } from "./support.ts";

const SECRET = "bolt-signing-secret";
let emulator: Emulator;
let app: App;
let appUrl: string;
let slack: SlackClient;
let dir: string;

function buildApp(): App {
  const bolt = new App({
    token: emulator.botToken,
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: {
      slackApiUrl: emulator.apiUrl,
      logger: quietLogger,
      retryConfig: { retries: 0 },
    },
  });
  bolt.command("/task", async ({ ack, command, client, respond }) => {
    await ack();
    const { user } = await client.users.info({ user: command.user_id, include_locale: true });
    const title = user?.locale === "lv-LV" ? `Uzdevums ${command.text}` : `Task ${command.text}`;
    await respond({
      text: title,
      blocks: [
        { type: "header", text: { type: "plain_text", text: title } },
        { type: "section", text: { type: "mrkdwn", text: "*Deadline:* <https://x.lv/r|2010>" } },
      ],
    });
  });
  bolt.command("/ping", async ({ ack }) => {
    await ack({
      text: "pong",
      blocks: [{ type: "section", text: { type: "plain_text", text: "pong" } }],
    });
  });
  bolt.command("/where", async ({ ack }) => {
    await ack({
      text: "where",
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "Digests go to <#C0LOCAL01>, not <#C0NOPE>" },
        },
      ],
    });
  });
  bolt.command("/broken", async ({ ack, respond }) => {
    await ack();
    await respond({
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }],
    }).catch(() => {});
  });
  bolt.action("open_task", async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Opened task 14" });
  });
  bolt.message(async ({ message, say }) => {
    if (message.subtype === undefined && message.thread_ts) {
      await say({ text: `Thanks <@${message.user}>`, thread_ts: message.thread_ts });
    }
  });
  return bolt;
}

beforeAll(async () => {
  emulator = await startEmulator();
  app = buildApp();
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  slack = createSlackClient({ appUrl, signingSecret: SECRET, emulator });
  dir = await mkdtemp(join(tmpdir(), "koordinators-emulator-"));
});
afterAll(async () => {
  await app.stop();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => emulator.reset());

describe("a Bolt app on the emulator", () => {
  it("acks a slash command, calls the Web API and answers at the response_url", async () => {
    const ack = await slack.command("/task", "14");
    expect(ack.status).toBe(200);
    const answer = await slack.waitForResponse(ack.responseUrl, 5000);
    expect(answer).toMatchObject({ ok: true, body: { text: "Task 14" } });
    expect(emulator.calls.some((c) => c.method === "users.info" && c.ok)).toBe(true);
  });

  it("refuses a Bolt app's oversized answer like Slack would", async () => {
    const ack = await slack.command("/broken", "");
    const answer = await slack.waitForResponse(ack.responseUrl, 5000);
    expect(answer).toMatchObject({ ok: false, status: 400, error: "invalid_blocks" });
  });

  it("rejects forged requests before any handler runs", async () => {
    expect((await slack.command("/task", "14", { signature: "v0=forged" })).status).toBe(401);
    expect(emulator.calls.filter((c) => c.method === "users.info")).toHaveLength(0);
  });

  it("replaces the original message when an action answers with replace_original", async () => {
    const posted = await app.client.chat.postMessage({
      channel: "C0LOCAL01",
      text: "Task 14",
      blocks: [
        {
          type: "actions",
          elements: [
            { type: "button", action_id: "open_task", text: { type: "plain_text", text: "Open" } },
          ],
        },
      ],
    });
    const clicked = await slack.blockAction({ actionId: "open_task", messageTs: posted.ts });
    expect(clicked.status).toBe(200);
    await slack.waitForResponse(clicked.responseUrl ?? "", 5000);
    expect(emulator.messagesIn("C0LOCAL01")).toMatchObject([
      { ts: posted.ts, text: "Opened task 14" },
    ]);
    expect(emulator.messagesIn("C0LOCAL01")[0]?.blocks).toBeUndefined();
  });

  it("answers a thread reply in the thread", async () => {
    const parent = await app.client.chat.postMessage({
      channel: "C0LOCAL01",
      text: "Reminder: task 14",
    });
    const answered = emulator.waitFor(
      isCall("chat.postMessage", (c) => c.args.thread_ts === parent.ts),
      5000,
    );
    await slack.userMessage({ text: "Done", threadTs: parent.ts });
    expect((await answered).args.text).toBe("Thanks <@U0LOCAL01>");
  });
});

describe("npm run slack (send-cli)", () => {
  // This miniature app's commands (the real app's come from manifest.json).
  const MINI = ["/task", "/ping", "/where"];
  const run = async (
    argv: string[],
    file = join(dir, "local-slack.json"),
    commands: readonly string[] | null = MINI, // null: manifest.json's
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSendCli(argv, {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      file,
      timeoutMs: 5000,
      commands: commands ?? undefined,
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  beforeAll(async () => {
    await writeLocalSlackFile(
      {
        appUrl,
        emulatorUrl: emulator.url,
        signingSecret: SECRET,
        userId: "U0LOCAL01",
        channelId: "C0LOCAL01",
        teamId: emulator.identity.teamId,
      },
      join(dir, "local-slack.json"),
    );
  });

  it("prints the response_url answer as text, with the Slack locale asked for", async () => {
    const result = await run(["/task 14", "--slack-locale", "lv"]);
    expect(result).toEqual({
      code: 0,
      out: "Uzdevums 14\n===========\n*Deadline:* 2010 (https://x.lv/r)",
      err: "",
    });
    expect(emulator.user("U0LOCAL01")?.locale).toBe("lv-LV");
  });

  it("prints a synchronous ack, or raw JSON with --json", async () => {
    emulator.addUser({ id: "U0NEW", name: "jauns", locale: "en-US" });
    expect(await run(["/ping", "--user", "U0NEW"])).toMatchObject({ code: 0, out: "pong" });
    expect(emulator.user("U0NEW")).toMatchObject({ id: "U0NEW", locale: "en-US" });
    const json = JSON.parse((await run(["/ping", "--json"])).out) as {
      text: string;
      blocks: unknown[];
    };
    expect(json.text).toBe("pong");
    expect(json.blocks).toHaveLength(1);
  });

  it("prints a channel mentioned by id with the name the emulator knows", async () => {
    expect(await run(["/where"])).toMatchObject({
      code: 0,
      out: "Digests go to #general, not #C0NOPE",
    });
  });

  it("--reply answers an existing thread, and refuses one that is not there", async () => {
    const root = emulator.postAsUser({
      channelId: "C0LOCAL01",
      userId: "U0LOCAL01",
      text: "Atgādinājums",
    });
    const missing = await run(["--reply", "1234567890.000100", "14: izpildīts"]);
    expect(missing.code).toBe(1);
    // The tool's own lines are in DEFAULT_LOCALE (Latvian here, no .env) unless --lang says.
    expect(missing.err).toContain("Kanālā C0LOCAL01 nav ziņas 1234567890.000100");
    const posted = await run(["--reply", root, "14: izpildīts"]);
    expect(posted.out).toContain(`(pavedienā ${root})`);
  });

  it("explains a missing local file and rejects bad usage with exit code 2", async () => {
    expect(await run(["/task 14"], join(dir, "missing.json"))).toMatchObject({
      code: 1,
      err: slackToolText("lv").notRunning,
    });
    expect((await run(["task 14"])).code).toBe(2);
    expect((await run(["/task", "--lang", "xx"])).code).toBe(2);
    expect((await run(["/task", "--slack-locale", "xx"])).code).toBe(2);
    const usage = await run([]);
    expect(usage.code).toBe(2);
    for (const flag of ["--history", "--reply", "--channel", "--lang"])
      expect(usage.err).toContain(flag);
  });

  it("refuses a command the manifest does not declare, naming the ones it does, sending nothing", async () => {
    const calls = emulator.calls.length;
    const refused = await run(["/nosuch 14"], undefined, null);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      "Lietotnei nav komandas /nosuch; tai ir /task, /institution, /cutoff, /role, /export, /programme, /calendar, /session, /digest",
    );
    expect(emulator.calls.length).toBe(calls);
  });

  it("--history names the files a message shares (the digest's chart and DOCX)", async () => {
    const client = app.client;
    const slot = await client.files.getUploadURLExternal({
      filename: "kopsavilkums-1.docx",
      length: 3,
    });
    await fetch(String(slot.upload_url), { method: "POST", body: new Uint8Array([1, 2, 3]) }).then(
      (r) => r.arrayBuffer(),
    );
    await client.files.completeUploadExternal({
      files: [{ id: String(slot.file_id), title: "Kopsavilkums" }],
      channel_id: "C0LOCAL01",
    });
    const history = await run(["--history"]);
    expect(history.code).toBe(0);
    expect(history.out).toContain("📎 kopsavilkums-1.docx");
  });
});

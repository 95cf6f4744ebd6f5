/**
 * `npm run slack -- --edit <ts> "99: …"` against the real app in local mode: a reply to a
 * reminder thread, edited to name a task the reminder does not hold, makes the app tell only its
 * author, ephemerally, that the task is not there and the reply stays with the task it had. The
 * CLI prints that note as `--reply` prints a reply's, so a local user sees what the edit did.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { insertThread } from "../../db/threads.ts";
import { REMINDER_EVENT_TYPE } from "../../jobs/send-reminder.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import { runSendCli } from "../../src/emulator/send-cli.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { startLocalApp } from "../helpers/app.ts";
import { tempDir } from "../helpers/store.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSendCli(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    file: join(dataDir, "local-slack.json"),
    timeoutMs: 10_000,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
};

/** A reminder thread for LM (tasks 5 and 14) in the local channel, as the reminder job posts it. */
async function reminderThread(): Promise<string> {
  expect(await send(`/institution set LM <#${CHANNEL}> <@${LOCAL_USER_ID}>`)).toMatchObject({
    code: 0,
  });
  const year = new Date().getUTCFullYear() + 1;
  expect((await send(`/cutoff add ${year}-02-01 --tasks 5,14 Pārbaude`)).out).toContain("#1");
  const cutoff = await app.db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow();
  const lm = await findInstitution(app.db, "LM");
  const bot = createJobWebClient(emulator.botToken, emulator.apiUrl);
  const root = await bot.chat.postMessage({
    channel: CHANNEL,
    text: "Atgādinājums: LM",
    metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { cutoff_id: cutoff.id } },
  });
  const thread = await insertThread(app.db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    channelId: CHANNEL,
    threadTs: String(root.ts),
    at: new Date().toISOString(),
  });
  return thread.threadTs;
}

beforeAll(async () => {
  dataDir = tempDir();
  app = await startLocalApp({ workgroupChannelId: null, dataDir });
  if (!app.emulator) throw new Error("local mode starts an emulator");
  emulator = app.emulator;
});
afterAll(async () => {
  await app?.stop();
});

describe("npm run slack --edit prints what the app showed only to the author", () => {
  it("a reply edited to name a task the reminder lacks: the note, formatted as --reply's", async () => {
    const root = await reminderThread();
    const reply = await send("--reply", root, "5: darīts");
    expect(reply.code).toBe(0);
    expect(reply.out).not.toContain("redzams tikai");
    const ts = emulator.messagesIn(CHANNEL).find((m) => m.text === "5: darīts")?.ts;
    expect(ts).toBeDefined();

    const edited = await send("--edit", ts ?? "", "99: darīts");
    expect(edited.code).toBe(0);
    expect(edited.err).toBe("");
    const lines = edited.out.split("\n");
    const head = lines.indexOf("  ↳ [lietotne, redzams tikai @sekretars]");
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^ {4}Uzdevuma \*99\* šajā atgādinājumā nav\./u);
    expect(edited.out).toContain("uzdevumam *5*");
    // Only what this edit caused: the single note, once.
    expect(edited.out.match(/redzams tikai/gu)).toHaveLength(1);
  });
});

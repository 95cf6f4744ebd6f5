/**
 * `npm run slack -- --reply <ts> "99: …"` against the real app in local mode: the reply names a
 * task the reminder does not hold, so the app reacts ✅ and tells only its author, ephemerally,
 * which Slack shows under the thread. The CLI prints that note, in the author's language, so a
 * local user learns where the reply went. `--edit <ts> "99: …"` of a reply prints the note that
 * edit caused the same way.
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

describe("npm run slack --reply prints what the app showed only to the author", () => {
  it("a reply naming a task the reminder lacks: the note, in Latvian, then in English", async () => {
    const root = await reminderThread();
    const lv = await send("--reply", root, "99: darīts");
    expect(lv.code).toBe(0);
    expect(lv.out).toContain(`(pavedienā ${root})`);
    expect(lv.out).toContain("↳ [lietotne, redzams tikai @sekretars]");
    expect(lv.out).toContain("Uzdevuma *99* programmā nav.");

    expect((await send("--lang", "en")).code).toBe(0);
    const en = await send("--reply", root, "99: done");
    expect(en.out).toContain("There is no task *99* in the programme.");
    expect(en.out).not.toContain("Uzdevuma");
  });

  it("a reply the app attributes prints no note", async () => {
    // The reminder's root, found by what it is (its metadata), not by its text: the earlier
    // replies queued refresh-root, which rewrites that text with chat.update.
    const root = emulator
      .messagesIn(CHANNEL)
      .find((m) => m.metadata?.event_type === REMINDER_EVENT_TYPE && !m.thread_ts)?.ts;
    expect(root).toBeDefined();
    const plain = await send("--reply", root ?? "", "14: pabeigts");
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain("redzams tikai");
    expect(emulator.messagesIn(CHANNEL).find((m) => m.text === "14: pabeigts")?.reactions).toEqual([
      expect.objectContaining({ name: "white_check_mark" }),
    ]);
  });
});

describe("npm run slack --edit prints what the app showed only to the author", () => {
  it("a reply edited to name a task the reminder lacks: the note, formatted as --reply's", async () => {
    // The thread of the tests above, found by its metadata; the author back in Latvian.
    const root =
      emulator
        .messagesIn(CHANNEL)
        .find((m) => m.metadata?.event_type === REMINDER_EVENT_TYPE && !m.thread_ts)?.ts ?? "";
    expect(root).not.toBe("");
    expect((await send("--lang", "lv")).code).toBe(0);
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
    expect(lines[head + 1]).toMatch(/^ {4}Uzdevuma \*99\* programmā nav\./u);
    expect(edited.out).toContain("uzdevumam *5*");
    // Only what this edit caused: the single note, once.
    expect(edited.out.match(/redzams tikai/gu)).toHaveLength(1);
  });
});

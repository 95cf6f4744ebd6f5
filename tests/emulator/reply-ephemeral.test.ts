/**
 * `npm run slack -- --reply <ts> "99: …"` against the real app in local mode: the reply names a
 * task the reminder does not hold, so the app reacts ✅ and tells only its author, ephemerally,
 * which Slack shows under the thread. The CLI prints that note, in the author's language, so a
 * local user learns where the reply went. `--edit <ts> "99: …"` of a reply prints the note that
 * edit caused the same way.
 */
import { describe, expect, it } from "vitest";
import { REMINDER_EVENT_TYPE } from "../../jobs/send-reminder.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { localReminderThread, localSlackHooks, sendCli } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

/** A reminder thread for LM (tasks 5 and 14) in the local channel, as the reminder job posts it. */
const reminderThread = () =>
  localReminderThread(app, dataDir, { channel: CHANNEL, text: "Atgādinājums: LM" });

localSlackHooks((local) => ({ app, emulator, dataDir } = local));

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

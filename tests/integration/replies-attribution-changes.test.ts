/**
 * Which task a thread reply is filed under after it changes (its author edits it) or its
 * cut-off is removed, and what its author is told, through the real app: signed Events API
 * callbacks in, Web API calls out to the emulator, replies in the store. New replies:
 * replies-attribution.test.ts. Waits on the emulator's records and the app's log lines, never
 * on time.
 */
import { describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { removeCutoff } from "../../db/cutoffs.ts";
import { replyHistory } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { buttonsOf, ephemeralTo, PEOPLE, peopleAppHooks, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

peopleAppHooks({ level: "debug" }, (app) => ({ t, logs } = app));
const { thread, reply, taskOf, edit, notesIn } = replySteps(() => ({ t, logs }), "C0LMA");

describe("an edited reply", () => {
  it("moves to the task its new number names; the author is told; history and audit kept", async () => {
    const f = await thread(["2", "14"]);
    const { ts, stored } = await reply(f, "2: apmācīti 40 speciālisti");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await edit(f, ts, "2: apmācīti 40 speciālisti", "14: apmācīti 40 speciālisti");
    expect(await taskOf(f, ts)).toBe("14");
    expect(String((await told).args.text)).toBe(
      "Jūsu labotā atbilde tagad pievienota uzdevumam *14* (līdz šim: *2*).",
    );
    const id = stored?.id ?? 0;
    expect(await replyHistory(t.app.db, id)).toMatchObject([
      { text: "2: apmācīti 40 speciālisti" },
    ]);
    const audit = await auditFor(t.app.db, "reply", String(id));
    expect(audit.map((a) => [a.actor, a.field, a.before, a.after])).toEqual([
      [PEOPLE.anna, "task", '"2"', '"14"'],
    ]);
  });

  it("keeps its task, silently, when the edit removes the number", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    await edit(f, ts, "14: pārbaudes veiktas", "Pārbaudes veiktas visās iestādēs");
    expect(await taskOf(f, ts)).toBe("14");
    expect(notesIn(f)).toEqual([]);
  });

  it("an unassigned reply edited to start with a task number is attributed", async () => {
    const f = await thread(["2", "5", "14"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts } = await reply(f, "Darbs turpinās, ziņosim vēlāk");
    expect(await taskOf(f, ts)).toBeNull();
    await prompted;
    const told = t.emulator.waitFor(
      isCall("chat.postEphemeral", (c) => String(c.args.text).includes("labotā atbilde")),
    );
    await edit(f, ts, "Darbs turpinās, ziņosim vēlāk", "5. punkts: darbs turpinās");
    expect(await taskOf(f, ts)).toBe("5");
    expect(String((await told).args.text)).toBe("Jūsu labotā atbilde pievienota uzdevumam *5*.");
  });
});

describe("an edited reply starting with a list", () => {
  it("moves to the first task of the list in the reminder, as a new reply is filed", async () => {
    const f = await thread(["2", "5", "14"]);
    const { ts } = await reply(f, "2: apmācības notiek");
    await edit(f, ts, "2: apmācības notiek", "14, 2: abi turpinās");
    expect(await taskOf(f, ts)).toBe("14");
  });
});

/** When the cut-offs below were removed: 30.11.2026. in Riga, as the notes say it. */
const REMOVED_AT = "2026-11-30T09:00:00.000Z";

describe("a reply in a removed cut-off's thread", () => {
  it("is attributed by its number and its author told the cut-off is gone but the reply kept", async () => {
    const f = await thread(["2", "14"]);
    await removeCutoff(t.app.db, f.cutoffId, REMOVED_AT);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "14: pārbaudes veiktas");
    expect(stored?.text).toBe("14: pārbaudes veiktas");
    expect(await taskOf(f, ts)).toBe("14");
    const note = await told;
    expect(String(note.args.text)).toBe(
      "Šī atgādinājuma ziņošanas termiņš ir noņemts 30.11.2026., bet jūsu atbilde ir saglabāta pie uzdevuma *14*.",
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("without a number stays unassigned, kept, with no buttons (they would be refused)", async () => {
    const f = await thread(["2", "14"]);
    await removeCutoff(t.app.db, f.cutoffId, REMOVED_AT);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts } = await reply(f, "Darbs turpinās");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(String(note.args.text)).toBe(
      "Šī atgādinājuma ziņošanas termiņš ir noņemts 30.11.2026., bet jūsu atbilde ir saglabāta.",
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("without a number stays unassigned when the institution had one task only", async () => {
    const f = await thread(["14"]);
    await removeCutoff(t.app.db, f.cutoffId, REMOVED_AT);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts } = await reply(f, "Darbs turpinās");
    expect(await taskOf(f, ts)).toBeNull();
    expect(String((await told).args.text)).toBe(
      "Šī atgādinājuma ziņošanas termiņš ir noņemts 30.11.2026., bet jūsu atbilde ir saglabāta.",
    );
  });
});

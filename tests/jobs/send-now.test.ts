import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders, markSent, markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import { nothingLine, notSent, remindLines } from "../../src/cli/remind.ts";
import { waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { earlierReminders, sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;

beforeEach(async () => {
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC"] } });
  w.deps = { ...w.deps, gate: waitingChannelGate(50) };
  w.emulator.addChannel({ id: "C0LM", name: "lm" });
  w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
  const lm = await findInstitution(w.db, "LM");
  await setMapping(w.db, lm?.id ?? 0, "C0LM", [], "2027-01-10T08:00:00Z");
  const programme = await currentProgramme(w.db);
  cutoffId = (
    await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-02-01T21:59:59.999Z",
      title: "MK",
      taskNumbers: ["14", "1"],
      createdBy: "cli",
      createdAt: "2027-01-10T08:00:00Z",
    })
  ).id;
});
afterEach(async () => w.stop());

describe("remind --now", () => {
  it("sends each institution a reminder now, by hand, leaving the plan's rows for their times", async () => {
    const results = (await sendNow(w.deps, cutoffId)).results;
    expect(results.map((r) => [r.institution, r.result]).sort()).toEqual([
      ["IEM", "no_mapping"],
      ["LM", "sent"],
    ]);
    expect(results.every((r) => r.kind.startsWith("now-"))).toBe(true);
    const again = (await sendNow(w.deps, cutoffId)).results;
    expect(again.find((r) => r.institution === "LM")?.result).toBe("sent");
    expect(
      w.emulator.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0LM"),
    ).toHaveLength(2);
    const rows = await listReminders(w.db, cutoffId);
    // Only the rows sent by hand changed: every planned one is still planned, for its time.
    expect(
      rows
        .filter((r) => r.kind.startsWith("now-"))
        .map((r) => r.state)
        .sort(),
    ).toEqual(["failed", "failed", "sent", "sent"]);
    const plan = rows.filter((r) => !r.kind.startsWith("now-"));
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((r) => r.state === "planned")).toBe(true);
    // The second one follows up in the thread the first began, with the time left.
    const posts = w.emulator.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === "C0LM",
    );
    expect(posts[1]?.args.thread_ts).toBe(posts[0]?.response?.ts);
    expect(JSON.stringify(posts[1]?.args.blocks)).toContain("Atgādinām: līdz ziņošanas termiņam");
    expect(remindLines(results, "lv").join("\n")).toMatch(
      /LM +ar roku \(remind --now\) +nosūtīts/u,
    );
  });

  it("after the cut-off, sends the overdue reminder's words by hand before its planned time", async () => {
    // The cut-off passed an hour ago; the overdue reminder is planned for 09:00 the next day.
    const deps = { ...w.deps, clock: fixedClock("2027-02-01T23:00:00Z") };
    const [lm] = (await sendNow(deps, cutoffId)).results.filter((x) => x.institution === "LM");
    expect(lm?.result).toBe("sent");
    const post = w.emulator.calls.find(
      (c) => c.method === "chat.postMessage" && c.args.channel === "C0LM",
    );
    expect(JSON.stringify(post?.args.blocks)).toContain("ir pagājis");
    const overdue = (await listReminders(w.db, cutoffId)).filter((r) => r.kind === "overdue");
    expect(overdue.every((r) => r.state === "planned")).toBe(true);
  });
});

describe("remind --now prints", () => {
  it("each reminder's kind and outcome in words, as `cutoff plan` does, never an internal key", async () => {
    const lines = remindLines((await sendNow(w.deps, cutoffId)).results, "lv").sort();
    expect(lines).toEqual([
      expect.stringMatching(
        /^IEM +ar roku \(remind --now\) +nav sūtīts: institūcijai nav piesaistīts Slack kanāls \(`npm run cli -- institution set IEM <kanāla ID> <lietotāja ID>`\)$/u,
      ),
      expect.stringMatching(/^LM +ar roku \(remind --now\) +nosūtīts$/u),
    ]);
    const short = [
      { institution: "LM", kind: "before-PT20S", result: "sent" },
      { institution: "IEM", kind: "overdue", result: "all_answered" },
    ];
    // In the institutions' order (IEM before LM), as `cutoff plan` lists them.
    expect(remindLines(short, "lv")).toEqual([
      expect.stringMatching(/^IEM +pēc termiņa +izlaists – viss atbildēts$/u),
      // The offset in words as `cutoff plan` prints it, in the nominative (not "20 sekunžu").
      expect.stringMatching(/^LM +20 sekundes pirms termiņa +nosūtīts$/u),
    ]);
    const en = remindLines(short, "en").join("\n");
    expect(en).toMatch(/LM +20 seconds before +sent/u);
    expect(en).not.toContain("PT20S");
  });
});

describe("remind --now keeps the app's plan", () => {
  it("never sends the overdue reminder before the cut-off, and leaves the plan's rows alone", async () => {
    const rows = await listReminders(w.db, cutoffId);
    expect(rows).toHaveLength(0);
    await sendNow(w.deps, cutoffId);
    await sendNow(w.deps, cutoffId);
    await sendNow(w.deps, cutoffId);
    const kinds = (await listReminders(w.db, cutoffId))
      .filter((r) => r.state === "sent")
      .map((r) => r.kind);
    expect(kinds).not.toContain("overdue");
    const other = { ...w.deps, config: { ...w.deps.config, reminderOffsets: [] } };
    const planOf = async () =>
      (await listReminders(w.db, cutoffId))
        .filter((r) => !r.kind.startsWith("now-"))
        .map((r) => `${r.institutionId}:${r.kind}:${r.scheduledAt}:${r.state}`)
        .sort();
    const before = await planOf();
    expect(before.every((r) => r.endsWith(":planned"))).toBe(true);
    await sendNow(other, cutoffId);
    expect(await planOf()).toEqual(before);
  });
});

describe("remind --now after a delivery failure", () => {
  it("sends the failed reminder again once the mapping is fixed, and says so truthfully", async () => {
    // After the cut-off (only the overdue reminder is due), LM mapped to a channel Slack does
    // not know: its reminder fails, and nothing else is left to send to LM.
    const deps = { ...w.deps, clock: fixedClock("2027-02-02T08:00:00Z") };
    const lm = await findInstitution(w.db, "LM");
    await setMapping(w.db, lm?.id ?? 0, "C0GONE", [], "2027-01-10T08:00:00Z");
    const failed = (await sendNow(deps, cutoffId)).results;
    expect(failed.find((r) => r.institution === "LM")?.result).toBe("channel_not_found");
    // Again without a fix: the same reminder is tried again, fails again, stays failed.
    const still = (await sendNow(deps, cutoffId)).results;
    expect(still.find((r) => r.institution === "LM")).toEqual({
      institution: "LM",
      kind: "overdue",
      result: "channel_not_found",
    });
    expect(notSent(still).map((r) => r.institution)).toContain("LM");
    const lmRows = async () =>
      (await listReminders(w.db, cutoffId)).filter((r) => r.institutionId === lm?.id);
    expect((await lmRows()).find((r) => r.kind === "overdue")?.state).toBe("failed");

    // Fixed as `/institution LM` advises: the failed reminder goes out now, once.
    await setMapping(w.db, lm?.id ?? 0, "C0LM", [], "2027-02-02T08:05:00Z");
    const fixed = (await sendNow(deps, cutoffId)).results;
    expect(fixed.find((r) => r.institution === "LM")).toEqual({
      institution: "LM",
      kind: "overdue",
      result: "sent",
    });
    expect((await lmRows()).find((r) => r.kind === "overdue")?.state).toBe("sent");
    expect(
      (await sendNow(deps, cutoffId)).results.find((r) => r.institution === "LM"),
    ).toBeUndefined();
    expect(
      w.emulator.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0LM"),
    ).toHaveLength(1);
  });

  it("with nothing due, names what was sent, skipped and failed for good instead of 'all sent'", async () => {
    const at = "2027-02-01T21:59:59.999Z";
    const lm = await findInstitution(w.db, "LM");
    const iem = await findInstitution(w.db, "IEM");
    for (const [institution, kind, state, detail] of [
      [lm?.id, "before-P14D", "sent", null],
      [lm?.id, "before-P7D", "skipped", "all_answered"],
      [lm?.id, "before-P1D", "skipped", "all_answered"],
      [iem?.id, "before-P14D", "failed", "no_mapping"],
      [iem?.id, "before-P7D", "skipped", "superseded"],
      [iem?.id, "before-P1D", "skipped", "all_answered"],
    ] as const) {
      const row = await upsertPlannedReminder(w.db, {
        cutoffId,
        institutionId: institution ?? 0,
        kind,
        scheduledAt: `2027-01-${kind === "before-P14D" ? "18" : kind === "before-P7D" ? "25" : "29"}T07:00:00.000Z`,
        cutoffAt: at,
      });
      if (state === "sent")
        await markSent(w.db, row.id, { channelId: "C0LM", messageTs: "1.1", at: row.scheduledAt });
      else await markSkipped(w.db, row.id, state, detail);
    }
    for (const institution of [lm?.id, iem?.id])
      await upsertPlannedReminder(w.db, {
        cutoffId,
        institutionId: institution ?? 0,
        kind: "overdue",
        scheduledAt: "2027-02-02T07:00:00.000Z",
        cutoffAt: at,
      });
    expect((await sendNow(w.deps, cutoffId)).results).toEqual([]);
    const earlier = await earlierReminders(w.deps, cutoffId);
    const lv = nothingLine(earlier, "lv");
    expect(lv).toBe(
      "Nav ko sūtīt: iepriekš nosūtīts 1 atgādinājums; 1 × izlaists: aizstāts ar vēlāku (tā laiks jau bija pagājis), 3 × izlaists – viss atbildēts. 1 atgādinājums neizdevās un netiek sūtīts vēlreiz: tam sekoja vēlāks atgādinājums, vai tā laiks (pirms vai pēc termiņa) ir beidzies. Pēc termiņa vēl paredzēti 2 atgādinājumi.",
    );
    expect(lv).not.toContain("visi šī ziņošanas termiņa atgādinājumi jau ir izsūtīti");
    expect(nothingLine(earlier, "en")).toContain("Nothing to send: 1 reminder sent before;");
    expect(w.emulator.calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
  });
});

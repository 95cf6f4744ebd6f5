import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { remindLines } from "../../src/cli/remind.ts";
import { waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
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
  it("sends each institution's next reminder now, once, and reports the unmapped ones", async () => {
    const results = await sendNow(w.deps, cutoffId);
    expect(results.map((r) => [r.institution, r.kind, r.result]).sort()).toEqual([
      ["IEM", "before-P14D", "no_mapping"],
      ["LM", "before-P14D", "sent"],
    ]);
    const again = await sendNow(w.deps, cutoffId);
    expect(again.find((r) => r.institution === "LM")?.kind).toBe("before-P7D");
    expect(
      w.emulator.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0LM"),
    ).toHaveLength(2);
    const rows = await listReminders(w.db, cutoffId);
    expect(rows.filter((r) => r.state === "sent")).toHaveLength(2);
  });
});

describe("remind --now prints", () => {
  it("each reminder's kind and outcome in words, as `cutoff plan` does, never an internal key", async () => {
    const lines = remindLines(await sendNow(w.deps, cutoffId), "lv").sort();
    expect(lines).toEqual([
      expect.stringMatching(
        /^IEM +14 dienas pirms termiņa +nav sūtīts: institūcijai nav piesaistīts Slack kanāls \(`institution set <kods> <kanāla ID> <lietotāja ID>`\)$/u,
      ),
      expect.stringMatching(/^LM +14 dienas pirms termiņa +nosūtīts$/u),
    ]);
    const short = [
      { institution: "LM", kind: "before-PT20S", result: "sent" },
      { institution: "IEM", kind: "overdue", result: "all_answered" },
    ];
    expect(remindLines(short, "lv")).toEqual([
      // The offset in words as `cutoff plan` prints it, in the nominative (not "20 sekunžu").
      expect.stringMatching(/^LM +20 sekundes pirms termiņa +nosūtīts$/u),
      expect.stringMatching(/^IEM +pēc termiņa +izlaists: visi uzdevumi jau atbildēti$/u),
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
    const before = (await listReminders(w.db, cutoffId)).map((r) => r.kind).sort();
    await sendNow(other, cutoffId);
    expect((await listReminders(w.db, cutoffId)).map((r) => r.kind).sort()).toEqual(before);
  });
});

/**
 * `/cutoff add` so late that a reminder's time has passed, through the signed endpoint with
 * the app's worker and the emulator: the latest passed reminder goes out at once (the answer
 * says so, names its time and offset, and counts it), earlier passed ones are skipped and
 * named, and `/cutoff plan` shows the same reminders and count. Test-mode offsets (PT4M,PT1M,
 * the README's walkthrough) and the default 14,7,1 days, lv and en; `/cutoff plan` labels an
 * unmapped institution's planned reminders as not to be sent. When no institution in scope has
 * a channel (none set, or IEM's an empty string: `hasChannel`), the answer promises no reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReminders } from "../../db/reminders.ts";
import { findThread } from "../../db/threads.ts";
import { DEFAULT_REMINDER_OFFSETS, parseOffsets } from "../../src/domain/reminder-plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";

const SECRETARY = "U0SECLATE";
const ENGLISH = "U0SECLATEEN";
const IEM_CHANNEL = "C0IEMLATE";

function offsets(text: string) {
  const parsed = parseOffsets(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.offsets;
}

/**
 * An app at `now` with `offsets`; IEM mapped to `iemChannel` (undefined: left unmapped), IZM
 * and LM (task 5's others) not.
 */
async function start(
  now: string,
  reminderOffsets: string,
  iemChannel: string | undefined = IEM_CHANNEL,
): Promise<TestApp> {
  const t = await startTestApp({
    clock: fixedClock(now),
    config: {
      secretaryUserIds: [SECRETARY, ENGLISH],
      reminderOffsets: offsets(reminderOffsets),
    },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: ENGLISH, name: "secretary", locale: "en-US" });
  await chooseLanguage(t, ENGLISH, "en");
  t.emulator.addChannel({ id: IEM_CHANNEL, name: "iem" });
  const iem = await findInstitution(t.app.db, "IEM");
  if (iemChannel !== undefined) await setMapping(t.app.db, iem?.id ?? 0, iemChannel, [], now);
  return t;
}

async function cutoffId(t: TestApp, title: string): Promise<number> {
  const found = (await listCutoffs(t.app.db)).find((c) => c.title === title);
  if (!found) throw new Error(`no cut-off ${title}`);
  return found.id;
}

/**
 * Waits until IEM's reminder thread of cut-off `id` is posted in its channel (found by its ts)
 * and its reminder sent at once is recorded as sent.
 */
async function waitForThread(t: TestApp, id: number): Promise<void> {
  const iem = await findInstitution(t.app.db, "IEM");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const thread = await findThread(t.app.db, id, iem?.id ?? 0);
    const posted = t.emulator.messagesIn(IEM_CHANNEL).some((m) => m.ts === thread?.threadTs);
    const rows = await listReminders(t.app.db, id);
    const sent = rows.some((r) => r.institutionId === iem?.id && r.state === "sent");
    if (posted && sent) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("IEM's reminder thread was not posted");
}

describe("/cutoff add minutes ahead with REMINDER_OFFSETS=PT4M,PT1M", { timeout: 90_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await start("2026-11-30T19:38:00Z", "PT4M,PT1M");
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("says the first reminder goes out now, counts it, and the plan agrees", async () => {
    const added = await slashText(
      t,
      "/cutoff",
      "add 2026-11-30 21:41 --tasks 5 Otrā pārbaude",
      SECRETARY,
    );
    expect(added).toContain(
      "Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (pirmd. 30.11.2026. 21:37 – 4 minūtes pirms termiņa) jau pagājis. Nākamais atgādinājums: pirmd. 30.11.2026. 21:40.",
    );
    expect(added).not.toContain("Pirmais atgādinājums: ");
    // Three institutions × (4 min, 1 min, after): IZM's and LM's are counted, the ones sent now too.
    expect(added).toContain("IZM, LM – 6 no 9 plānotajiem atgādinājumiem netiks nosūtīti");
    const id = await cutoffId(t, "Otrā pārbaude");
    await waitForThread(t, id);
    expect(await listReminders(t.app.db, id)).toHaveLength(9);

    const plan = await slashText(t, "/cutoff", `plan ${id}`, SECRETARY);
    expect(plan).toContain("9 atgādinājumi");
    expect(plan).not.toContain("izlaist");
    expect(plan).toMatch(
      /21:37 – 4 minūtes pirms termiņa – nosūtīts pirmd\. 30\.11\.2026\. 21:38/u,
    );
    // LM has no channel: its planned reminders are not "ieplānots".
    expect(plan).toContain("21:40 – 1 minūte pirms termiņa – netiks nosūtīts – nav kanāla");
    expect(plan).toContain("21:40 – 1 minūte pirms termiņa – ieplānots");

    const en = await slashText(t, "/cutoff", "add 2026-11-30 21:40 --tasks 5 Third", ENGLISH);
    expect(en).toContain(
      "The first reminder goes out now, as its time (Mon 30 Nov 2026 21:36 – 4 minutes before) has already passed. Next reminder: Mon 30 Nov 2026 21:39.",
    );
    expect(en).toContain("IZM, LM – 6 of the 9 reminders planned will not be sent");
    const enPlan = await slashText(t, "/cutoff", `plan ${await cutoffId(t, "Third")}`, ENGLISH);
    expect(enPlan).toContain("1 minute before – will not be sent – no channel");
  });
});

describe("/cutoff add 10 and 3 days ahead with the default 14,7,1 days", {
  timeout: 90_000,
}, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await start("2026-11-30T08:00:00Z", DEFAULT_REMINDER_OFFSETS);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("sends the passed 14-day reminder now and says so", async () => {
    const added = await slashText(
      t,
      "/cutoff",
      "add 2026-12-10 --tasks 5 Desmit dienas",
      SECRETARY,
    );
    expect(added).toContain(
      "Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (ceturtd. 26.11.2026. 09:00 – 14 dienas pirms termiņa) jau pagājis. Nākamais atgādinājums: ceturtd. 03.12.2026. 09:00.",
    );
    expect(added).toContain("IZM, LM – 8 no 12 plānotajiem atgādinājumiem netiks nosūtīti");
    const id = await cutoffId(t, "Desmit dienas");
    await waitForThread(t, id);
    const plan = await slashText(t, "/cutoff", `plan ${id}`, SECRETARY);
    expect(plan).toContain("12 atgādinājumi");
    expect(plan).toMatch(/14 dienas pirms termiņa – nosūtīts pirmd\. 30\.11\.2026\. 10:00/u);
  });

  it("of several passed ones sends the latest now and names the earlier as not sent", async () => {
    const added = await slashText(t, "/cutoff", "add 2026-12-03 --tasks 5 Trīs dienas", SECRETARY);
    expect(added).toContain(
      "Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (ceturtd. 26.11.2026. 09:00 – 7 dienas pirms termiņa) jau pagājis. Nākamais atgādinājums: trešd. 02.12.2026. 09:00. Agrākā atgādinājuma (14 dienas pirms termiņa) laiks arī pagājis – tas netiks sūtīts.",
    );
    // Skipped ones are not counted: IZM's and LM's 7-day, 1-day and after, of 3 × 3.
    expect(added).toContain("IZM, LM – 6 no 9 plānotajiem atgādinājumiem netiks nosūtīti");
    const id = await cutoffId(t, "Trīs dienas");
    const plan = await slashText(t, "/cutoff", `plan ${id}`, SECRETARY);
    expect(plan).toContain("9 atgādinājumi, 3 izlaisti");
    expect(plan).toContain("izlaists: aizstāts ar vēlāku (tā laiks jau bija pagājis)");
    const en = await slashText(t, "/cutoff", `plan ${id}`, ENGLISH);
    expect(en).toContain("9 reminders, 3 skipped");
    // Another cut-off at the same instant is refused (commands/cutoff-change.ts): remove it first.
    await slashText(t, "/cutoff", `remove ${id}`, SECRETARY);
    const enAdded = await slashText(t, "/cutoff", "add 2026-12-03 --tasks 5 Three days", ENGLISH);
    expect(enAdded).toContain(
      "The earlier reminder's time (14 days before) has passed too – it will not be sent.",
    );
  });
});

describe("/cutoff add late when no institution in scope has a channel", { timeout: 90_000 }, () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.stop();
  });

  it("promises no reminder at once; an empty channel reads as none", async () => {
    t = await start("2026-11-30T19:38:00Z", "PT4M,PT1M", "");
    const added = await slashText(
      t,
      "/cutoff",
      "add 2026-11-30 21:41 --tasks 5 Bez kanāla",
      SECRETARY,
    );
    expect(added).not.toContain("tiks nosūtīts tūlīt");
    expect(added).not.toContain("Pirmais atgādinājums");
    // IEM's channel is "": no channel, as the sender reads it (hasChannel).
    expect(added).toContain("IEM, IZM, LM – 9 no 9 plānotajiem atgādinājumiem netiks nosūtīti");
    const id = await cutoffId(t, "Bez kanāla");
    const plan = await slashText(t, "/cutoff", `plan ${id}`, SECRETARY);
    expect(plan).toContain(
      "NAV PIESAISTĪTAS* Slack – to atgādinājumi netiks nosūtīti, un sekretārs saņems ziņu: IEM, IZM, LM.",
    );
    const iemPart = plan.slice(plan.indexOf("*IEM*"), plan.indexOf("*IZM*"));
    expect(iemPart).toContain("kanāls nav norādīts – `/institution set IEM");
    expect(iemPart).toContain("21:40 – 1 minūte pirms termiņa – netiks nosūtīts – nav kanāla");
    expect(plan).not.toContain("ieplānots");
    expect(plan).not.toContain("<#>");

    const en = await slashText(t, "/cutoff", "add 2026-11-30 21:40 --tasks 5 No channel", ENGLISH);
    expect(en).not.toContain("goes out now");
    expect(en).not.toContain("First reminder");
    expect(en).toContain("IEM, IZM, LM – 9 of the 9 reminders planned will not be sent");
    const enPlan = await slashText(
      t,
      "/cutoff",
      `plan ${await cutoffId(t, "No channel")}`,
      ENGLISH,
    );
    const enIem = enPlan.slice(enPlan.indexOf("*IEM*"), enPlan.indexOf("*IZM*"));
    expect(enIem).toContain("1 minute before – will not be sent – no channel");
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cutoffListData, cutoffPlanData, handle, parse } from "../../commands/cutoff.ts";
import {
  handle as handleInstitution,
  parse as parseInstitution,
} from "../../commands/institution.ts";
import { setMapping } from "../../db/contacts.ts";
import { findCutoff, listCutoffs, moveCutoff, removeCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReminders } from "../../db/reminders.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import {
  type AdminWorld,
  adminWorld,
  as,
  auditOf,
  delayedJobIds,
  MEMBER,
  type RedisBox,
  SECRETARY,
  shown,
  startRedis,
  storeCutoff,
} from "./admin-support.ts";

let box: RedisBox;
let w: AdminWorld;
beforeAll(async () => {
  box = await startRedis();
});
afterAll(async () => {
  await box?.stop();
});
beforeEach(async () => {
  w = await adminWorld(box, { now: "2026-11-29T12:00:00Z" });
});
afterEach(async () => {
  await w?.stop();
});

const run = (text: string, userId = SECRETARY, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(userId, locale));

/**
 * Gives IEM a Slack channel: the add answer names a first reminder only of an institution its
 * reminders can reach (`hasChannel`).
 */
async function mapIem() {
  const iem = await findInstitution(w.db, "IEM");
  await setMapping(w.db, iem?.id ?? 0, "C0IEM", [], "2026-11-29T12:00:00Z");
}

async function onlyCutoff() {
  const [cutoff, ...others] = await listCutoffs(w.db);
  expect(others).toEqual([]);
  if (!cutoff) throw new Error("no cut-off");
  return cutoff;
}

describe("/cutoff add", () => {
  it("adds a cut-off at the end of the day in Riga, audits it and schedules its reminders", async () => {
    await mapIem();
    const reply = await run("add 2027-02-01 Informatīvais ziņojums MK");
    expect(reply.found).toBe(true);
    const cutoff = await onlyCutoff();
    expect(cutoff).toMatchObject({
      at: "2027-02-01T21:59:59.999Z",
      title: "Informatīvais ziņojums MK",
      taskNumbers: null,
      createdBy: SECRETARY,
    });
    const text = shown(reply);
    expect(text).toContain(
      `*#${cutoff.id}*: *pirmd. 01.02.2027. 23:59* – Informatīvais ziņojums MK`,
    );
    expect(text).toContain("Pirmais atgādinājums: pirmd. 18.01.2027. 09:00");
    expect(text).toContain("⚠️ Nav Slack kanāla: ");
    expect(await auditOf(w.db, "cutoff", String(cutoff.id))).toMatchObject([
      { actor: SECRETARY, action: "create", after: { at: cutoff.at, taskNumbers: null } },
    ]);
    const rows = await listReminders(w.db, cutoff.id);
    const jobs = await delayedJobIds(w.queue);
    expect(rows.length).toBeGreaterThan(0);
    expect(jobs.length).toBe(rows.length + 1); // one send job per reminder, plus the overdue summary
  });

  it("takes a time and narrows the scope to existing tasks, in the programme's order", async () => {
    await run("add 2027-02-01 12:00 --tasks 14,1,10.1.2,1 Sēde");
    expect(await onlyCutoff()).toMatchObject({
      at: "2027-02-01T10:00:00.000Z",
      taskNumbers: ["1", "10.1.2", "14"],
    });
    const [summary] = await cutoffListData(w.deps);
    expect(summary?.tasks).toBe(3);
  });

  it("takes the Latvian „plkst.” before a time", async () => {
    await run("add 2027-02-01 plkst. 12:00 C");
    expect(await onlyCutoff()).toMatchObject({ at: "2027-02-01T10:00:00.000Z", title: "C" });
  });

  it("refuses a move to a time with seconds (as /session refuses them); nothing moves", async () => {
    await run("add 2027-02-01 X");
    const { id, at } = await onlyCutoff();
    const reply = await run(`move ${id} 2027-02-02 plkst. 06:10:30`);
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain("Laiks „plkst. 06:10:30” ir ar sekundēm");
    expect((await onlyCutoff()).at).toBe(at);
  });

  it("reads a relative date against the clock", async () => {
    await run("add rīt Steidzami");
    expect((await onlyCutoff()).at).toBe("2026-11-30T21:59:59.999Z");
  });

  it.each([
    ["add 2027-02-01 --tasks 1,99,27 X", "Programmā nav šādu uzdevumu: 99, 27"],
    ["add 2027-02-01 --tasks 1,99 X", "Programmā nav uzdevuma 99."],
    ["add 2026-11-28 X", "jau ir pagājis"],
    ["add 2026-11-29 13:00 X", "jau ir pagājis"],
    ["add 2027-03-28 03:30 X", "pagriež stundu uz priekšu"],
    ["add 2027-10-31 03:30 X", "pagriež stundu atpakaļ"],
    ["add 2027-02-30 X", "Datums „2027-02-30” neeksistē"],
    ["add 2027-02-01 25:61 X", "Laiks „25:61” nav derīgs"],
    ["add 2027-02-01 6:1 X", "Laiks „6:1” nav derīgs"],
    ["add 2027-02-01 12:00:60 X", "Laiks „12:00:60” nav derīgs"],
    ["add 2027-02-01 plkst. abc X", "Laiks „plkst. abc” nav derīgs"],
    ["add 2026-12-01 06:10:30 X", "Laiks „06:10:30” ir ar sekundēm"],
  ])("refuses %j and stores nothing", async (text, message) => {
    const reply = await run(text);
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain(message);
    expect(await listCutoffs(w.db)).toEqual([]);
    expect(await delayedJobIds(w.queue)).toEqual([]);
  });

  it("accepts today (its end is still ahead)", async () => {
    expect((await run("add 2026-11-29 Šodien")).found).toBe(true);
  });
});

describe("/cutoff add: a time after the title, a cut-off twice, an id mistake", () => {
  it("refuses a time typed after the title, as /session does, with the command as it should read", async () => {
    const reply = shown(await run("add 2027-02-01 Pārbaude 12:00"));
    expect(reply).toContain(
      "Laiku „12:00” rakstiet tūlīt aiz datuma, pirms nosaukuma: `/cutoff add 2027-02-01 12:00 Pārbaude`.",
    );
    expect(await listCutoffs(w.db)).toEqual([]);
    expect(shown(await run("add 2027-02-01 Pārbaude 12:00", SECRETARY, "en"))).toContain(
      "Write the time “12:00” right after the date, before the title: `/cutoff add 2027-02-01 12:00 Pārbaude`.",
    );
  });

  it("refuses the same time and title again; warns of the same title on the same day", async () => {
    await run("add 2027-02-01 12:00 Pārbaude");
    const first = await onlyCutoff();
    const again = shown(await run("add 2027-02-01 12:00 pārbaude"));
    expect(again).toContain(
      `jau ir: *#${first.id}* *pirmd. 01.02.2027. 12:00* – Pārbaude. Otru nepievienoju`,
    );
    expect(await listCutoffs(w.db)).toHaveLength(1);

    const later = shown(await run("add 2027-02-01 Pārbaude"));
    const [, second] = await listCutoffs(w.db);
    expect(second?.title).toBe("Pārbaude");
    expect(later).toContain(
      `⚠️ Tajā pašā dienā jau ir ziņošanas termiņš ar tādu pašu nosaukumu: *#${first.id}* pirmd. 01.02.2027. 12:00. Ja jaunais ir lieks, noņemiet to: \`/cutoff remove ${second?.id}\`.`,
    );
    // Another day or another title: no warning.
    expect(shown(await run("add 2027-02-02 Pārbaude"))).not.toContain("⚠️ Tajā pašā dienā");
  });

  it("suggests a complete /cutoff move command for a wrong id", async () => {
    expect(shown(await run("move abc 2027-02-01"))).toContain(
      "„abc” nav ziņošanas termiņa numurs. Rakstiet, piemēram, `/cutoff move 3 2027-02-01 12:00`.",
    );
    expect(shown(await run("move", SECRETARY, "en"))).toContain(
      "Give the cut-off's number, e.g. `/cutoff move 3 2027-02-01 12:00`",
    );
    expect(shown(await run("remove abc"))).toContain("`/cutoff remove 3`");
  });
});

describe("/cutoff move and remove", () => {
  it("moves a cut-off: audited, jobs re-planned (old ones gone)", async () => {
    await run("add 2027-02-01 Ziņojums");
    const { id, at } = await onlyCutoff();
    const before = await delayedJobIds(w.queue);
    const reply = await run(`move ${id} 2027-03-01 12:00`);
    expect(shown(reply)).toContain(`pirmd. 01.02.2027. 23:59 → *pirmd. 01.03.2027. 12:00*`);
    expect((await findCutoff(w.db, id))?.at).toBe("2027-03-01T10:00:00.000Z");
    const after = await delayedJobIds(w.queue);
    expect(after.length).toBe(before.length);
    expect(after.filter((j) => before.includes(j) && j.startsWith("remind-"))).toEqual([]);
    expect((await auditOf(w.db, "cutoff", String(id)))[0]).toMatchObject({
      action: "update",
      field: "at",
      before: at,
      after: "2027-03-01T10:00:00.000Z",
    });
    expect(shown(await run(`move ${id} 2020-01-01`))).toContain("jau ir pagājis");
  });

  it("removes a cut-off: gone from the list and the queue, audited", async () => {
    await run("add 2027-02-01 Ziņojums");
    const { id } = await onlyCutoff();
    const reply = await run(`remove ${id}`);
    expect(shown(reply)).toContain("noņemts");
    expect(await listCutoffs(w.db)).toEqual([]);
    expect(await delayedJobIds(w.queue)).toEqual([]);
    expect((await auditOf(w.db, "cutoff", String(id)))[0]).toMatchObject({
      action: "delete",
      after: null,
    });
    // Removed already: said so (the state asked for holds), and nothing more is audited.
    const again = await run(`remove ${id}`);
    expect(again.found).toBe(true);
    expect(shown(again)).toContain(`Ziņošanas termiņš *#${id}* (Ziņojums, `);
    expect(shown(again)).toContain("jau ir noņemts");
    expect(await auditOf(w.db, "cutoff", String(id))).toHaveLength(2);
    expect((await run("remove 42")).found).toBe(false);
    expect(shown(await run("plan 42"))).toContain("Ziņošanas termiņa #42 nav.");
  });

  it("two removes of one cut-off at once: one removes it, the other says it is removed", async () => {
    await run("add 2027-02-01 Ziņojums");
    const { id } = await onlyCutoff();
    const replies = await Promise.all([run(`remove ${id}`), run(`remove ${id}`)]);
    expect(replies.every((r) => r.found)).toBe(true);
    expect(replies.filter((r) => shown(r).includes("jau ir noņemts"))).toHaveLength(1);
    const trail = await auditOf(w.db, "cutoff", String(id));
    expect(trail.filter((a) => a.action === "delete")).toHaveLength(1);
  });

  it("a move racing a remove: a removed cut-off keeps its time, and no move follows its delete", async () => {
    await run("add 2027-02-01 12:00 Ziņojums");
    const { id } = await onlyCutoff();
    const [, moved] = await Promise.all([run(`remove ${id}`), run(`move ${id} 2027-03-01 12:00`)]);
    // Newest first: nothing after the delete moved it.
    const trail = await auditOf(w.db, "cutoff", String(id));
    const deleted = trail.findIndex((a) => a.action === "delete");
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(trail.slice(0, deleted).some((a) => a.action === "update")).toBe(false);
    if (shown(moved).includes("noņemtu termiņu pārcelt nevar"))
      expect(trail.filter((a) => a.action === "update")).toHaveLength(0);
    // The store's own guard, whichever order the two took: a removed cut-off is not moved.
    const at = (
      await w.db.selectFrom("cutoffs").select("at").where("id", "=", id).executeTakeFirst()
    )?.at;
    expect(await moveCutoff(w.db, id, "2028-01-01T10:00:00.000Z")).toBe(false);
    expect(await removeCutoff(w.db, id, "2028-01-01T10:00:00.000Z")).toBe(false);
    const after = await w.db
      .selectFrom("cutoffs")
      .select(["at", "removed_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    expect(after?.at).toBe(at);
    expect(after?.removed_at).not.toBe("2028-01-01T10:00:00.000Z");
  });
});

describe("/cutoff move and remove in test mode (REMINDER_OFFSETS=PT20S,PT10S)", () => {
  beforeEach(async () => {
    await w.stop();
    const parsed = parseOffsets("PT20S,PT10S");
    if (!parsed.ok) throw new Error(parsed.error);
    w = await adminWorld(box, {
      now: "2026-11-29T12:00:00Z",
      config: { reminderOffsets: parsed.offsets },
    });
  });

  it("move's answer is to the minute, as /cutoff plan shows the same cut-off", async () => {
    await run("add 2027-02-01 12:00 Pārbaude");
    const { id } = await onlyCutoff();
    expect(shown(await run(`plan ${id}`))).toContain("pirmd. 01.02.2027. 11:59");
    const reply = await run(`move ${id} 2027-02-01 13:00`);
    expect(shown(reply)).toContain("pirmd. 01.02.2027. 12:00 → *pirmd. 01.02.2027. 13:00*");
    const en = await run(`move ${id} 2027-02-01 14:00`, SECRETARY, "en");
    expect(shown(en)).toContain("Mon 1 Feb 2027 13:00");
    expect(shown(en)).toContain("Mon 1 Feb 2027 14:00");
    expect(shown(await run(`move ${id} 2027-02-01 14:00`))).toContain("14:00");
  });

  it("remove's answer is to the minute", async () => {
    await run("add 2027-02-01 12:00 Pārbaude");
    const { id } = await onlyCutoff();
    expect(shown(await run(`remove ${id}`))).toContain("pirmd. 01.02.2027. 12:00");
  });
});

// `/cutoff` takes no seconds now; one stored with them (by an earlier version) remains.
const stored = { at: "2027-02-01T10:00:30.000Z", tasks: ["1"], title: "Sekundes" };
const storeSeconds = () => storeCutoff(w.db, { ...stored, createdAt: "2026-11-29T12:00:00Z" });

describe("/cutoff answers for a cut-off stored to a second, with reminders on whole minutes", () => {
  it("list, plan, move and remove show it to the minute", async () => {
    const id = await storeSeconds();
    expect(shown(await run("list"))).toContain("pirmd. 01.02.2027. 12:00");
    expect(shown(await run(`plan ${id}`))).toContain("pirmd. 01.02.2027. 12:00");
    expect(shown(await run(`move ${id} 2027-02-01 13:00`))).toContain(
      "pirmd. 01.02.2027. 12:00 → *pirmd. 01.02.2027. 13:00*",
    );
    // Only a date: the time of day (13:00) is kept.
    const moved = shown(await run(`move ${id} 2027-02-02`));
    expect(moved).toContain("pirmd. 01.02.2027. 13:00 → *otrd. 02.02.2027. 13:00*");
    expect(moved).toContain(cutoffText("lv").keptTime("13:00"));
    expect(shown(await run(`remove ${id}`))).toContain("otrd. 02.02.2027. 13:00");
  });

  it("move with only a date says the time it keeps to the minute, as other times are shown", async () => {
    const id = await storeSeconds();
    const moved = shown(await run(`move ${id} 2027-02-02`));
    expect(moved).toContain(cutoffText("lv").keptTime("12:00"));
    expect(moved).toContain("saglabāts līdzšinējais laiks 12:00;");
    expect(moved).not.toContain("12:00:30;");
    expect((await onlyCutoff()).at).toBe("2027-02-02T10:00:30.000Z");
  });
});

describe("/cutoff list and plan", () => {
  it("lists cut-offs for anyone: id, date, title, scope, next reminder", async () => {
    await run("add 2027-02-01 --tasks 1,5,14 Ziņojums <MK>");
    // The next reminder named is one that goes out: of an institution with a channel.
    await handleInstitution(parseInstitution("set LM <#C0LM00001>"), w.deps, as(SECRETARY));
    const empty = shown(await run("list", MEMBER));
    expect(empty).toContain("*#1* pirmd. 01.02.2027. 23:59 – Ziņojums &lt;MK&gt;");
    expect(empty).toContain("3 uzdevumi");
    expect(empty).toContain("tikai norādītie uzdevumi");
    expect(empty).toContain("nākamais atgādinājums: pirmd. 18.01.2027. 09:00");
    const help = shown(await run("", MEMBER, "en"));
    expect(help).toContain("/cutoff add 2027-02-01");
    expect(help).toContain("next reminder: Mon 18 Jan 2027 09:00");
  });

  it("shows the plan to the secretary only: per institution, NOT MAPPED, times and states", async () => {
    await run("add 2027-02-01 Ziņojums");
    const { id } = await onlyCutoff();
    const refused = await run(`plan ${id}`, MEMBER);
    expect(refused.found).toBe(false);
    expect(shown(refused)).toContain("skatīt atgādinājumu plānu var tikai sekretārs");
    await handleInstitution(
      parseInstitution("set IEM <#C0IEM0001> <@U0ANNA> <@U0JANIS>"),
      w.deps,
      as(SECRETARY),
    );
    await handleInstitution(parseInstitution("away <@U0JANIS> 2027-01-20"), w.deps, as(SECRETARY));
    const text = shown(await run(`plan ${id}`));
    expect(text).toContain(`Atgādinājumu plāns: #${id} Ziņojums`);
    expect(text).toContain("*IEM* – Iekšlietu ministrija");
    expect(text).toContain(
      "Kanāls: <#C0IEM0001> · kontaktpersonas: <@U0ANNA>, <@U0JANIS> _(prombūtnē līdz 20.01.2027. ieskaitot)_",
    );
    expect(text).toContain("pirmd. 18.01.2027. 09:00 – 14 dienas pirms termiņa – ieplānots");
    expect(text).toContain("piektd. 29.01.2027. 09:00 – 1 diena pirms termiņa – ieplānots");
    expect(text).toContain("otrd. 02.02.2027. 09:00 – pēc termiņa – ieplānots");
    expect(text).toContain("*NAV PIESAISTĪTAS* Slack");
    expect(text).toContain("⚠️ *NAV PIESAISTĪTA*: kanāls nav norādīts – `/institution set LM");
    const en = shown(await run(`plan ${id}`, SECRETARY, "en"));
    expect(en).toContain("Mon 18 Jan 2027 09:00 – 14 days before – planned");
    expect(en).toContain("*NOT MAPPED*");
  });

  it("shows why a reminder was skipped", async () => {
    await run("add 2026-12-08 Drīzumā");
    const { id } = await onlyCutoff();
    // At 5 December the 14-day (24 Nov) and 7-day (1 Dec) reminders are both past and unsent:
    // only the later one is kept to go out now, the earlier one is superseded.
    w.clock.set("2026-12-05T12:00:00Z");
    const data = await cutoffPlanData(w.deps, id);
    const states = data?.plan.institutions[0]?.reminders.map((r) => [r.kind, r.state, r.detail]);
    expect(states).toContainEqual(["before-P14D", "skipped", "superseded"]);
    expect(states).toContainEqual(["before-P7D", "planned", null]);
    expect(shown(await run(`plan ${id}`))).toContain("izlaists: aizstāts ar vēlāku");
  });
});

describe("/cutoff when the queue is down", () => {
  it("adds the cut-off, plans the store's rows, and says the jobs come later", async () => {
    w.deps.replan = async () => null;
    await mapIem();
    const reply = await run("add 2027-02-01 Ziņojums");
    expect(reply.found).toBe(true);
    expect(shown(reply)).toContain("Atgādinājumu rinda (Redis) šobrīd nav pieejama");
    expect(shown(reply)).toContain("Pirmais atgādinājums: pirmd. 18.01.2027. 09:00");
    const { id } = await onlyCutoff();
    w.deps.replan = async () => {
      throw new Error("ECONNREFUSED");
    };
    const plan = shown(await run(`plan ${id}`));
    // No institution has a channel here: planned, but said not to be sent.
    expect(plan).toContain("netiks nosūtīts – nav kanāla");
    expect(plan).toContain("Redis");
    expect(await delayedJobIds(w.queue)).toEqual([]);
  });
});

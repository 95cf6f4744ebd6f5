/**
 * `/cutoff add` and `/cutoff move` refuse the minute (Europe/Riga, as shown) of another live
 * cut-off of the current programme, whatever its title (a fresh user's finding: `/cutoff add
 * ٢٠٢٧-٠٢-٠١ arabic` and later `/cutoff add 1.2. bez gada` both stored 01.02.2027. 23:59, so
 * every institution would get two reminder threads; then 12:00:30 beside 12:00, and end of day
 * beside 23:59, both read as one time). Seconds are refused as `/session` refuses them. The
 * refusal names the existing one and what to do instead; a removed cut-off's minute is free
 * again; the same day at another time is still added. Asked by the CLI, the refusal names the
 * CLI's move form (`--time HH:MM`, its only way to give a time).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "../../commands/access.ts";
import { handle, parse } from "../../commands/cutoff.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import {
  type AdminWorld,
  adminWorld,
  as,
  auditOf,
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

const run = (text: string, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(SECRETARY, locale));

async function live() {
  return (await listCutoffs(w.db)).map((c) => ({ id: c.id, at: c.at, title: c.title }));
}

describe("/cutoff add at the instant of another cut-off", () => {
  it("refuses another title at the same instant, naming the existing one and the way out", async () => {
    expect((await run("add ٢٠٢٧-٠٢-٠١ arabic")).found).toBe(true);
    const [first] = await live();
    if (!first) throw new Error("not added");
    const reply = await run("add 1.2. bez gada");
    expect(reply.found).toBe(false);
    const lv = shown(reply);
    expect(lv).toContain(
      `Šajā laikā ziņošanas termiņš jau ir: *#${first.id}* *pirmd. 01.02.2027. 23:59* – arabic. Otru nepievienoju`,
    );
    // Slack's /cutoff move takes the time right after the date.
    expect(lv).toContain(`\`/cutoff move ${first.id} &lt;datums&gt; [HH:MM]\``);
    expect(lv).toContain(`\`/cutoff remove ${first.id}\``);
    expect(lv).toContain("citu laiku");
    expect(await live()).toEqual([first]);
    const en = shown(await run("add 2027-02-01 bez gada", "en"));
    expect(en).toContain(
      `A cut-off is already at this time: *#${first.id}* *Mon 1 Feb 2027 23:59* – arabic. I did not add a second one`,
    );
    expect(en).toContain(`\`/cutoff remove ${first.id}\``);
    expect(en).toContain("another time");
    expect(await live()).toEqual([first]);
    expect(await auditOf(w.db, "cutoff", String(first.id + 1))).toEqual([]);
  });

  it("asked by the CLI, names the CLI's move form, whose time is --time only (lv, en)", async () => {
    expect((await run("add 2027-02-01 arabic")).found).toBe(true);
    const [first] = await live();
    if (!first) throw new Error("not added");
    const cli = (locale: "lv" | "en") =>
      handle(parse("add 2027-02-01 dup"), w.deps, {
        ...as(SECRETARY, locale),
        userId: CLI_ACTOR,
        channelId: "cli",
      });
    const lv = shown(await cli("lv"));
    expect(lv).toContain(`\`/cutoff move ${first.id} &lt;datums&gt; --time HH:MM\``);
    expect(lv).not.toContain("[HH:MM]");
    const en = shown(await cli("en"));
    expect(en).toContain(`\`/cutoff move ${first.id} &lt;date&gt; --time HH:MM\``);
    expect(await live()).toEqual([first]);
  });

  it("adds at a removed cut-off's instant, and the same day at another time", async () => {
    await run("add 2027-02-01 A");
    const [a] = await live();
    await run(`remove ${a?.id}`);
    expect((await run("add 2027-02-01 B")).found).toBe(true);
    expect((await run("add 2027-02-01 12:00 C")).found).toBe(true);
    expect((await live()).map((c) => c.title)).toEqual(["C", "B"]);
  });
});

describe("/cutoff move onto another cut-off's instant", () => {
  it("refuses, naming the cut-off there; nothing moves", async () => {
    await run("add 2027-02-01 A");
    await run("add 2027-02-02 B");
    const [a, b] = await live();
    if (!a || !b) throw new Error("not added");
    const reply = await run(`move ${b.id} 2027-02-01`);
    expect(reply.found).toBe(false);
    const lv = shown(reply);
    expect(lv).toContain(
      `Šajā laikā ziņošanas termiņš jau ir: *#${a.id}* *pirmd. 01.02.2027. 23:59* – A. *#${b.id}* nepārceļu`,
    );
    expect(lv).toContain(`\`/cutoff remove ${b.id}\``);
    expect(lv).toContain("citu laiku");
    const en = shown(await run(`move ${b.id} 2027-02-01`, "en"));
    expect(en).toContain(`A cut-off is already at this time: *#${a.id}*`);
    expect(en).toContain(`I did not move *#${b.id}*`);
    expect(await live()).toEqual([a, b]);
    expect(await auditOf(w.db, "cutoff", String(b.id))).toHaveLength(1);
    // Another time the same day is fine.
    expect((await run(`move ${b.id} 2027-02-01 12:00`)).found).toBe(true);
  });
});

describe("one minute as shown, not one instant", () => {
  it("refuses seconds in a typed time and in --time, in add and move (lv, en); nothing changes", async () => {
    await run("add 2026-12-02 12:00 Pirmais");
    await run("add 2026-12-05 Otrais");
    const before = await live();
    const add = await run("add 2026-12-02 12:00:30 Otrs");
    expect(add.found).toBe(false);
    expect(shown(add)).toContain("Laiks „12:00:30” ir ar sekundēm");
    expect(shown(add)).toContain("(HH:MM), piemēram, 12:00.");
    const flag = shown(await run("add 2026-12-02 Otrs --time 12:00:45", "en"));
    expect(flag).toContain("“12:00:45” has seconds: a cut-off is set in hours and minutes (HH:MM)");
    const second = before[0]?.title === "Otrais" ? before[0] : before[1];
    const move = await run(`move ${second?.id} rīt 12:00:30`);
    expect(move.found).toBe(false);
    expect(shown(move)).toContain("Laiks „12:00:30” ir ar sekundēm");
    expect(await live()).toEqual(before);
  });

  it("refuses a minute that a cut-off stored with seconds is in, naming it", async () => {
    const id = await storeCutoff(w.db, {
      at: "2026-12-02T10:00:30.000Z",
      tasks: ["1"],
      title: "Ar sekundēm",
      createdAt: "2026-11-29T12:00:00Z",
    });
    const reply = await run("add 2026-12-02 12:00 Jauns");
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain(
      `Šajā laikā ziņošanas termiņš jau ir: *#${id}* *trešd. 02.12.2026. 12:00* – Ar sekundēm.`,
    );
    await run("add 2026-12-03 Jauns");
    const other = (await live()).find((c) => c.title === "Jauns");
    const move = shown(await run(`move ${other?.id} 2026-12-02 12:00`, "en"));
    expect(move).toContain(`A cut-off is already at this time: *#${id}*`);
    expect(move).toContain(`I did not move *#${other?.id}*`);
    expect((await live()).map((c) => c.at)).toEqual([
      "2026-12-02T10:00:30.000Z",
      "2026-12-03T21:59:59.999Z",
    ]);
  });

  it("takes end of day (23:59:59.999) and 23:59 as one minute, either way round", async () => {
    await run("add 2026-12-03 Dienas beigas");
    const [eod] = await live();
    const late = await run("add 2026-12-03 23:59 Vēlu");
    expect(late.found).toBe(false);
    expect(shown(late)).toContain(`*#${eod?.id}* *ceturtd. 03.12.2026. 23:59* – Dienas beigas`);
    await run("add 2026-12-04 23:59 Vēlu");
    const lateOne = (await live()).find((c) => c.title === "Vēlu");
    const day = await run("add 2026-12-04 Dienas beigas");
    expect(day.found).toBe(false);
    expect(shown(day)).toContain(`*#${lateOne?.id}* *piektd. 04.12.2026. 23:59* – Vēlu`);
    // A move by date only keeps end of day: onto 23:59 of another cut-off's day, refused.
    const moved = await run(`move ${eod?.id} 2026-12-04`);
    expect(moved.found).toBe(false);
    expect(shown(moved)).toContain(`*#${lateOne?.id}*`);
    // Its own minute: already there, nothing changes.
    const same = await run(`move ${eod?.id} 2026-12-03 23:59`);
    expect(same.found).toBe(true);
    expect(shown(same)).toContain(`*#${eod?.id}* jau ir`);
    expect((await live()).map((c) => [c.title, c.at])).toEqual([
      ["Dienas beigas", "2026-12-03T21:59:59.999Z"],
      ["Vēlu", "2026-12-04T21:59:00.000Z"],
    ]);
  });

  it("refuses a move onto another cut-off's minute (`rīt 12:00`)", async () => {
    await run("add rīt 12:00 Rīt");
    await run("add 2026-12-06 Cits");
    const [tomorrow, other] = await live();
    const reply = await run(`move ${other?.id} rīt 12:00`);
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain(`*#${tomorrow?.id}* *pirmd. 30.11.2026. 12:00* – Rīt`);
    expect(await live()).toEqual([tomorrow, other]);
  });
});

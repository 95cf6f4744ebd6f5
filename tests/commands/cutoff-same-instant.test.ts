/**
 * `/cutoff add` and `/cutoff move` refuse the exact instant of another live cut-off of the
 * current programme, whatever its title (a fresh user's finding: `/cutoff add ٢٠٢٧-٠٢-٠١ arabic`
 * and later `/cutoff add 1.2. bez gada` both stored 01.02.2027. 23:59, so every institution would
 * get two reminder threads). The refusal names the existing one and what to do instead; a
 * removed cut-off's instant is free again; the same day at another time is still added.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
    expect(lv).toContain(`\`/cutoff move ${first.id}`);
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

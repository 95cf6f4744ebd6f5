/**
 * Wording a person trying the app locally reads, through the real app in local mode and
 * `npm run slack` (signed commands): `/role list` names local mode's default secretary, not a
 * server setting nobody made; a new deadline that ends in a full stop gets no second one; a
 * `/session` time inside the spring-forward gap reads as `/cutoff`'s, with an example.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import type { Running } from "../../src/main.ts";
import { sendCli, startLocalSlack } from "../helpers/local-slack.ts";

let app: Running;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

beforeAll(async () => {
  ({ app, dataDir } = await startLocalSlack());
});
afterAll(async () => {
  await app?.stop();
});

describe("local mode's wording", { timeout: 60_000 }, () => {
  it("/role list: the local default secretary, not SECRETARY_USER_IDS as if it were set", async () => {
    const list = await send("/role list");
    expect(list.out).toContain(
      "lokālā režīma noklusējuma sekretārs (SECRETARY_USER_IDS nav iestatīts",
    );
    expect(list.out).not.toContain("servera iestatījums");
    const en = await send("--lang", "en", "/role list");
    expect(en.out).toContain("local mode's default secretary");
    await send("--lang", "lv");
  });

  it("/task 14 set deadline: one full stop after a date that ends in one", async () => {
    const r = await send("/task 14 set deadline 2027-06-30");
    expect(r.out).toMatch(/→ \*30\.06\.2027\.\*(?!\.)/u);
    expect(r.out).not.toContain(".*.");
  });

  it("/session at a time the clocks skip: /cutoff's words and example", async () => {
    const r = await send("/session add 2027-03-28 03:30 Sēde");
    expect(r.out).toContain("pagriež stundu uz priekšu. Izvēlieties citu laiku, piemēram, 04:00.");
    const cutoff = await send("/cutoff add 2027-03-28 03:30 Pārbaude");
    const line = (text: string) => text.split("\n").find((l) => l.includes("pagriež")) ?? "";
    expect(line(r.out)).toBe(line(cutoff.out));
    expect(cutoffText("lv").nonexistent("a", "b", "c")).toContain("piemēram");
  });
});

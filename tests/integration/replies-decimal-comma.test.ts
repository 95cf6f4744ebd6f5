/**
 * A thread reply whose task number is written with a decimal comma, as Latvian writes decimals
 * (a fresh user's finding: "13,3: …" got "no task number"): it is filed under task 13.3 with no
 * note, stored as typed, shown without its prefix; "5, 14: …" (a space after the comma) stays a
 * list of tasks 5 and 14. Through the real app: signed Events API callbacks in, Web API calls
 * out to the emulator, replies in the store (SQLite or PostgreSQL, TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { replyBody } from "../../src/domain/attribution.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { replySteps } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
const steps = replySteps(() => ({ t, logs }), "C0DECIMAL");

describe("a reply numbered with a decimal comma", { timeout: 120_000 }, () => {
  it("'13,3: …' is filed under task 13.3 without a note", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const { ts, stored } = await steps.reply(f, "13,3: darīts, 2,5 līgumi");
    expect(await steps.taskOf(f, ts)).toBe("13.3");
    expect(stored?.text).toBe("13,3: darīts, 2,5 līgumi");
    expect(replyBody(stored?.text ?? "", "13.3")).toBe("darīts, 2,5 līgumi");
    expect(steps.notesIn(f)).toEqual([]);
  });

  it("'5, 13.3: …' is still a list: filed under the first, 5", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const { ts } = await steps.reply(f, "5, 13.3: abi turpinās");
    expect(await steps.taskOf(f, ts)).toBe("5");
  });
});

/**
 * The shared `edit()` step (tests/replies/support.ts) over the real app, for a message edited
 * twice: the app's "reply changed" line names only the message, so the second edit must not be
 * taken as handled on the first edit's line. After each `edit()` returns, that edit is in the
 * store (text, history, task) and its author's note has been sent. Signed message_changed
 * callbacks against the Slack emulator; waits on the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyHistory } from "../../db/replies.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { startFindingsApp } from "../replies/findings-support.ts";
import { replySteps } from "../replies/support.ts";

const LIMIT = { timeout: 180_000 };
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
}, LIMIT.timeout);
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, edit, notesIn } = replySteps(() => ({ t, logs }), "C0EDTW");

describe("edit() of a message edited more than once", LIMIT, () => {
  it("returns only when this edit is stored and its note sent, not on the previous edit's line", async () => {
    const f = await thread(["2", "14"]);
    const { ts, stored } = await reply(f, "2: apmācīti 40 speciālisti");
    const id = stored?.id ?? 0;

    await edit(f, ts, "2: apmācīti 40 speciālisti", "14: apmācīti 40 speciālisti");
    expect(await taskOf(f, ts)).toBe("14");
    expect(notesIn(f)).toEqual([
      "Jūsu labotā atbilde tagad pievienota uzdevumam *14* (līdz šim: *2*).",
    ]);

    // The first edit's "reply changed" line for this message is already written.
    await edit(f, ts, "14: apmācīti 40 speciālisti", "2: apmācīti 45 speciālisti");
    expect(await taskOf(f, ts)).toBe("2");
    expect((await replyHistory(t.app.db, id)).map((e) => e.text)).toEqual([
      "2: apmācīti 40 speciālisti",
      "14: apmācīti 40 speciālisti",
    ]);
    expect(notesIn(f)).toEqual([
      "Jūsu labotā atbilde tagad pievienota uzdevumam *14* (līdz šim: *2*).",
      "Jūsu labotā atbilde tagad pievienota uzdevumam *2* (līdz šim: *14*).",
    ]);

    // A third edit, keeping the task: nothing said, the text stored.
    await edit(f, ts, "2: apmācīti 45 speciālisti", "2: apmācīti 47 speciālisti");
    expect(await replyHistory(t.app.db, id)).toHaveLength(3);
    expect(notesIn(f)).toHaveLength(2);
  });
});

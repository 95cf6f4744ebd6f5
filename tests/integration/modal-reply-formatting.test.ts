/**
 * A "Submit update" modal reply with `&`, `<` and `>` typed, through the real app (signed
 * block action and view submission, the emulator): it is stored escaped as Slack escapes a
 * typed message (`&amp;`, `&lt;`, `&gt;`), the one form thread replies have, so `/task 14`
 * shows it as typed (escaped once), a typed "&amp;" stays literal, a typed "<url|label>" never
 * becomes a link, and the annex CSV and `cli replies` (the real CLI process) read it back
 * exactly as typed.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNamedReplies } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import { ActionId, CallbackId } from "../../src/slack/ids.ts";
import { updateButtonValue } from "../../src/slack/render-reminder.ts";
import { UpdateField } from "../../src/slack/render-update-modal.ts";
import type { TestApp } from "../helpers/app.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashBlocks } from "../helpers/slash.ts";
import { PEOPLE, reminderThread, startPeopleApp, type ThreadFixture } from "../replies/support.ts";
import { annexProgress, lastUpload } from "./support/annex.ts";

const WG = "C0WGMODALFMT";
const LM = "C0LMMODALFMT";
/** What Anna types into the modal's text field (a plain_text_input: Slack does not escape it). */
const TYPED = "R&D <b> a<b; &amp; <https://evil.example|lm.gov.lv>";
/** The same as Slack would send it typed in the thread: how it is stored. */
const STORED = "R&amp;D &lt;b&gt; a&lt;b; &amp;amp; &lt;https://evil.example|lm.gov.lv&gt;";

let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;

beforeAll(async () => {
  ({ t, logs } = await startPeopleApp({
    secretaries: [PEOPLE.secretary],
    config: { workgroupChannelId: WG },
  }));
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: LM, tasks: ["14"] },
  );
  const opened = t.emulator.waitFor(isCall("views.open", (c) => c.ok));
  await t.slack.blockAction({
    actionId: ActionId.reminderSubmitUpdate,
    value: updateButtonValue(f.cutoffId, f.institutionId, "14"),
    userId: PEOPLE.anna,
    channelId: f.channel,
    messageTs: f.threadTs,
  });
  const view = (await opened).response.view as { id: string; private_metadata: string };
  const res = await t.slack.viewSubmission({
    callbackId: CallbackId.submitUpdate,
    viewId: view.id,
    privateMetadata: view.private_metadata,
    values: {
      [UpdateField.text.block]: { [UpdateField.text.action]: TYPED },
      [UpdateField.status.block]: {
        [UpdateField.status.action]: {
          type: "radio_buttons",
          selected_option: { value: "partial" },
        },
      },
    },
    userId: PEOPLE.anna,
  });
  expect(res.status).toBe(200);
  await logs.waitFor((l) => l.msg === "update stored" && l.created === true);
});
afterAll(async () => {
  await t?.stop();
});

/** The blocks of the app's answer to a slash command typed in the working group, as JSON. */
const slash = (command: string, text: string, userId: string) =>
  slashBlocks(t, command, text, userId, { channelId: WG, timeoutMs: 10_000 });

describe("a modal reply with & < > typed", { timeout: 60_000 }, () => {
  it("is stored escaped as Slack escapes typed text", async () => {
    const [reply] = await listNamedReplies(t.app.db, f.cutoffId);
    expect(reply).toMatchObject({ source: "modal", taskNumber: "14", text: STORED });
  });

  it("/task 14 shows it as typed: escaped once, the typed entity literal, no link", async () => {
    const blocks = await slash("/task", "14", PEOPLE.anna);
    expect(blocks).toContain(STORED);
    expect(blocks).not.toContain("<https://evil.example|lm.gov.lv>");
    expect(blocks).not.toContain("&amp;amp;amp;");
  });

  it("the annex CSV reads it exactly as typed", async () => {
    await slash("/export", `annex ${f.cutoffId} csv`, PEOPLE.secretary);
    const progress = annexProgress(lastUpload(t));
    expect(progress).toMatch(/^LM, \d\d\.\d\d\.\d{4}\.: /);
    expect(progress).toContain(`: ${TYPED} (statuss: izpildīts daļēji)`);
  });

  it("`cli replies` reads it exactly as typed, --json too", async () => {
    const cli = join(import.meta.dirname, "../../src/cli.ts");
    const env = {
      ...process.env,
      ...NO_ENV_FILE,
      DATABASE_URL: t.config.databaseUrl,
      DATA_DIR: t.config.dataDir,
    };
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", cli, ...args], { env });
    const table = await run(["replies", "--cutoff", String(f.cutoffId)]);
    const line = table.stdout.split("\n").find((l) => l.startsWith("LM "));
    expect(line?.endsWith(`  ${TYPED}`)).toBe(true);
    const json = await run(["replies", "--cutoff", String(f.cutoffId), "--json"]);
    expect((JSON.parse(json.stdout) as Array<{ text: string }>)[0]?.text).toBe(TYPED);
  });
});

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
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNamedReplies } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { ActionId, CallbackId } from "../../src/slack/ids.ts";
import { updateButtonValue } from "../../src/slack/render-reminder.ts";
import { UpdateField } from "../../src/slack/render-update-modal.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

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
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [PEOPLE.secretary], workgroupChannelId: WG },
  });
  addPeople(t.emulator);
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

type Answer = { blocks?: unknown[] };

/** The blocks of the app's answer to a slash command, as JSON. */
async function slash(command: string, text: string, userId: string): Promise<string> {
  const res = await t.slack.command(command, text, { userId, channelId: WG });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

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
    const file = [...t.emulator.files.values()].at(-1);
    if (!file?.bytes) throw new Error("no file uploaded");
    const rows = parseCsv(file.bytes.toString("utf8"), { bom: true }) as string[][];
    const header = rows[0] ?? [];
    const row = rows.find((r) => r[header.indexOf("Uzdevuma numurs")] === "14") ?? [];
    const progress = row.find((cell) => cell.includes("LM, ")) ?? "";
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

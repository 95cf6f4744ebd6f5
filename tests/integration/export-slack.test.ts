/**
 * /export, /calendar, /programme and /task … set through the real app over signed HTTP, with
 * files sent to the caller's DM through the emulator's files.getUploadURLExternal flow.
 */
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { loadTasksForImport } from "../../db/tasks.ts";
import type { StoredFile } from "../../src/emulator/types.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { docxRows, zipPart } from "../export/docx-text.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA001";
const MEMBER = "U0MEMBER1";
let t: TestApp;
let cutoff: Cutoff;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2027-02-02T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "en-US" });
  t.emulator.addUser({ id: MEMBER, name: "john", locale: "en-US" });
  // Slack's en-US is no signal; they chose English on the App Home.
  await chooseLanguage(t, ANNA, "en");
  await chooseLanguage(t, MEMBER, "en");
  const db = t.app.db;
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5", "14"],
    createdBy: SECRETARY,
    createdAt: "2026-11-29T12:00:00Z",
  });
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM00001", [ANNA], "2026-11-29T12:00:00Z");
  const task5 = (await loadTasksForImport(db, programme?.id ?? 0)).get("5");
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    taskId: task5?.id ?? null,
    channelId: "C0LM00001",
    ts: "1800000000.000100",
    threadTs: "1800000000.000001",
    userId: ANNA,
    text: "LM sagatavoja grozījumus.",
    files: [],
    statusClaim: "partial",
    verified: true,
    source: "event",
    receivedAt: "2027-01-12T10:00:00Z",
  });
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { response_type?: string; blocks?: unknown[] };

async function slash(command: string, text: string, userId: string): Promise<string> {
  const res = await t.slack.command(command, text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  expect(body.response_type ?? "ephemeral").toBe("ephemeral");
  return JSON.stringify(body.blocks);
}

/** The newest file the app uploaded, checked to be shared in `userId`'s DM with the app. */
function lastFileIn(userId: string): StoredFile & { bytes: Buffer } {
  const files = [...t.emulator.files.values()];
  const file = files.at(-1);
  if (!file?.bytes) throw new Error("no file uploaded");
  const dm = file.shares[0]?.channel ?? "";
  expect(t.emulator.messagesIn(dm).some((m) => m.files?.some((f) => f.id === file.id))).toBe(true);
  const opened = t.emulator.calls.filter((c) => c.method === "conversations.open").at(-1);
  expect(opened?.args.users).toBe(userId);
  expect(opened?.response.channel).toMatchObject({ id: dm });
  return file as StoredFile & { bytes: Buffer };
}

describe("/export annex through Slack", () => {
  it("sends the secretary the imported annex as a DOCX in a DM", async () => {
    const text = await slash("/export", "annex", SECRETARY);
    expect(text).toContain("Nosūtīju jums privātā ziņā: *pielikums-2009-2013.docx*");
    const file = lastFileIn(SECRETARY);
    expect(file.name).toBe("pielikums-2009-2013.docx");
    const rows = docxRows(zipPart(file.bytes, "word/document.xml"));
    expect(rows.find((r) => r.cells[0] === "15. 14.")?.cells[4]).toBe("LM");
  });

  it("with a cut-off: progress from the replies, missing ones marked, as XLSX", async () => {
    const text = await slash("/export", `annex ${cutoff.id} xlsx`, SECRETARY);
    expect(text).toContain("iekļautas atbildes: 1; trūkst atbilžu: 3");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(lastFileIn(SECRETARY).bytes as unknown as ArrayBuffer);
    const row = book.worksheets[0]?.getRow(6);
    expect(row?.getCell(7).text).toBe("5");
    expect(row?.getCell(4).text).toBe(
      "LM, 12.01.2027.: LM sagatavoja grozījumus. (statuss: izpildīts daļēji)\n\nIZM: ATBILDE NAV SAŅEMTA\n\nIEM: ATBILDE NAV SAŅEMTA",
    );
    expect(row?.getCell(9).text).toBe("partial");
  });

  it("tells the secretary when an XLSX cell is longer than Excel allows, and where the rest is", async () => {
    const db = t.app.db;
    const task1 = await db
      .selectFrom("tasks")
      .select(["id", "progress"])
      .where("number", "=", "1")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("tasks")
      .set({ progress: "Pētījums. ".repeat(4_000) })
      .where("id", "=", task1.id)
      .execute();
    try {
      const text = await slash("/export", "annex xlsx", SECRETARY);
      expect(text).toContain("Uzmanību: 1 šūnas teksts ir garāks par Excel robežu");
      const comment = t.emulator.calls
        .filter((c) => c.method === "files.completeUploadExternal")
        .at(-1)?.args.initial_comment;
      expect(comment).toContain("pilns teksts ir lapā „Pilns teksts”");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(lastFileIn(SECRETARY).bytes as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(["Izpildes gaita", "Pilns teksts"]);
    } finally {
      await db
        .updateTable("tasks")
        .set({ progress: task1.progress })
        .where("id", "=", task1.id)
        .execute();
    }
  });

  it("refuses anyone but the secretary, and sends nothing", async () => {
    const before = t.emulator.files.size;
    const text = await slash("/export", "annex", MEMBER);
    expect(text).toContain("only the secretary can export the annex");
    expect(text).toContain(`<@${SECRETARY}>`);
    expect(text).toContain("write to the secretary: they can do it for you");
    expect(text).not.toContain("/role list");
    expect(await slash("/export", "annex 1 pdf", MEMBER)).toContain(
      "only the secretary can export the annex",
    );
    expect(t.emulator.files.size).toBe(before);
  });

  it("answers an unknown cut-off kindly", async () => {
    expect(await slash("/export", "annex 99", SECRETARY)).toContain(
      "Ziņošanas termiņa ar numuru #99 nav.",
    );
  });
});

describe("/calendar through Slack", () => {
  it("sends a contact person their institution's calendar, which parses", async () => {
    const text = await slash("/calendar", "", ANNA);
    expect(text).toContain("koordinators-2009-2013-LM.ics");
    const ics = lastFileIn(ANNA).bytes.toString("utf8");
    const root = new ICAL.Component(ICAL.parse(ics));
    const summaries = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    expect(summaries).toContain("Reporting cut-off: Informatīvais ziņojums MK");
    expect(summaries.every((s) => !s.startsWith("Task 1 deadline"))).toBe(true);
  });

  it("tells someone who is no contact how to ask", async () => {
    expect(await slash("/calendar", "", MEMBER)).toContain("You are not a contact person");
  });
});

describe("/task … set and /programme through Slack", () => {
  it("the secretary changes a status; it is audited and /task shows it", async () => {
    const text = await slash("/task", "14 set status partial", SECRETARY);
    expect(text).toContain("Uzdevums *14*: statuss Izpildīts → *Izpildīts daļēji*");
    const [latest] = await auditFor(t.app.db, "task", "2009-2013:14");
    expect(latest).toMatchObject({ actor: SECRETARY, field: "status", after: '"partial"' });
    expect(await slash("/task", "14", MEMBER)).toContain("Partly done");
  });

  it("refuses a change from anyone else", async () => {
    expect(await slash("/task", "14 set deadline 2027-06-30", MEMBER)).toContain(
      "only the secretary can change tasks",
    );
  });

  it("/programme list shows the current programme", async () => {
    expect(await slash("/programme", "list", MEMBER)).toContain("*2009-2013*");
  });
});

import { strFromU8, unzipSync } from "fflate";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertDigest } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import {
  editReply,
  insertReply,
  listNamedReplies,
  type NamedReply,
  withdrawReply,
} from "../../db/replies.ts";
import { buildDigestModel, EPOCH } from "../../src/digest/build.ts";
import { type DigestDoc, digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { renderDigestDocx } from "../../src/digest/render-docx.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestParent, renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { formatInstant } from "../../src/slack/render-admin.ts";
import { importedStore } from "../helpers/store.ts";
import { NOW, scriptStore } from "./support.ts";

const ZONE = "Europe/Riga";
/** Before the first digest (NOW): an edit of a reply new in it, which it marks. */
const EARLY_EDIT = "2027-01-19T12:00:00.000Z";
/** After the first digest: the edit and the withdrawal the later digest must report. */
const EDITED_AT = "2027-01-21T09:30:00.000Z";
const WITHDRAWN_AT = "2027-01-21T11:15:00.000Z";
const LATER = "2027-01-22T10:00:00.000Z";

let db: Db;
let currentId: number;
let first: DigestModel;
let later: DigestModel;

function doc(model: DigestModel, locale: "lv" | "en"): DigestDoc {
  return digestDocument(model, { locale, zone: ZONE, variant: "digest", id: 8 });
}

function text(d: DigestDoc): string {
  return [...d.headline, ...d.sections.flatMap((s) => s.paragraphs)].join("\n");
}

async function reply(code: string, number: string): Promise<NamedReply> {
  const found = (await listNamedReplies(db, currentId)).find(
    (r) => r.institutionCode === code && r.taskNumber === number,
  );
  if (!found) throw new Error(`no reply ${code} ${number}`);
  return found;
}

beforeAll(async () => {
  ({ db } = await importedStore());
  ({ currentId } = await scriptStore(db));
  await editReply(db, (await reply("AiM", "13.2")).id, "13.2: Agrāk mainīts teksts.", EARLY_EDIT);
  first = await buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: ZONE });
  const programme = await currentProgramme(db);
  await insertDigest(db, {
    programmeId: programme?.id ?? 0,
    requestKey: "changed-first",
    kind: "manual",
    since: EPOCH,
    builtAt: first.builtAt,
    requestedBy: "U0SEC",
    locale: "lv",
    sessionId: null,
    cutoffId: null,
    content: JSON.stringify(first),
    postedAt: first.builtAt,
  });
  // The tester's case: a reply the group read is edited, another deleted in Slack.
  await editReply(db, (await reply("IEM", "17")).id, "17: 🎉 Gatavs! Viss izdarīts.", EDITED_AT);
  await withdrawReply(db, (await reply("LM", "2")).id, WITHDRAWN_AT);
  // A reply new since the first digest, edited before the group ever saw it in a digest.
  const tm = await findInstitution(db, "TM");
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "13.4")
    .executeTakeFirstOrThrow();
  const { reply: fresh } = await insertReply(db, {
    cutoffId: currentId,
    institutionId: tm?.id ?? 0,
    taskId: task.id,
    channelId: "C0TM",
    ts: "1790000000.000100",
    threadTs: null,
    userId: "U0TMOK",
    text: "13.4: Melnraksts.",
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: "2027-01-21T08:00:00.000Z",
  });
  await editReply(db, fresh.id, "13.4: Galīgais teksts.", EDITED_AT);
  later = await buildDigestModel(db, { now: DateTime.fromISO(LATER), zone: ZONE });
});
afterAll(async () => {
  await db?.destroy();
});

describe("the first digest (no previous digest)", () => {
  it("marks a new reply edited after it was stored; no edited or withdrawn part", () => {
    expect(first.previous).toBeNull();
    expect(first.editedReplies).toEqual([]);
    expect(first.withdrawn).toEqual([]);
    const marked = first.replies.filter((r) => r.edited !== undefined);
    expect(marked).toMatchObject([
      { institution: "AiM", excerpt: "Agrāk mainīts teksts.", edited: EARLY_EDIT },
    ]);
    const edited = formatInstant(EARLY_EDIT, ZONE, "lv");
    expect(text(doc(first, "lv"))).toContain(`_(labota ${edited})_`);
    expect(first.tasks.find((t) => t.number === "13.2")?.latest?.edited).toBe(EARLY_EDIT);
    for (const locale of ["lv", "en"] as const) {
      const all = text(doc(first, locale));
      expect(all).not.toMatch(/labotās|atsauk|edited replies|withdrawn/iu);
    }
  });
});

describe("a digest after a posted one", () => {
  it("lists replies edited since then with their new text and when they were edited", () => {
    expect(later.previous?.builtAt).toBe(first.builtAt);
    expect(later.editedReplies).toHaveLength(1);
    expect(later.editedReplies?.[0]).toMatchObject({
      number: "17",
      institution: "IEM",
      excerpt: "🎉 Gatavs! Viss izdarīts.",
      edited: EDITED_AT,
    });
    // A new reply edited since is shown once, among the new ones, marked too.
    expect(later.replies).toHaveLength(1);
    expect(later.replies[0]).toMatchObject({
      number: "13.4",
      excerpt: "Galīgais teksts.",
      edited: EDITED_AT,
    });
    // Edited before the previous digest: that one already showed the new text.
    expect(later.editedReplies?.some((r) => r.institution === "AiM")).toBe(false);
  });

  it("lists replies withdrawn since then: institution, task and when, not the text", () => {
    expect(later.withdrawn).toEqual([{ number: "2", institution: "LM", at: WITHDRAWN_AT }]);
  });

  it("says so in Latvian: 'labota <date>' and the 'Atsauktās atbildes' part", () => {
    const lv = doc(later, "lv");
    const all = text(lv);
    const edited = formatInstant(EDITED_AT, ZONE, "lv");
    const withdrawn = formatInstant(WITHDRAWN_AT, ZONE, "lv");
    expect(all).toContain("labotas atbildes: *1* · atsauktas atbildes: *1*");
    expect(all).toContain(`*Labotās atbildes (1)*\n• *17* · *IEM* · <@U0IEMOK>`);
    expect(all).toMatch(
      new RegExp(`„🎉 Gatavs! Viss izdarīts\\.”.* _\\(labota ${reEscape(edited)}\\)_`, "u"),
    );
    expect(all).toMatch(
      new RegExp(`Galīgais teksts\\.”.* _\\(labota ${reEscape(edited)}\\)_`, "u"),
    );
    expect(all).toContain(`*Atsauktās atbildes (1)*\n• *2* · *LM* · atsaukta ${withdrawn}`);
    const lmText = first.replies.find((r) => r.institution === "LM" && r.number === "2")?.excerpt;
    expect(lmText).toBeTruthy();
    expect(all).not.toContain(lmText?.slice(0, 40));
  });

  it("says so in English: 'edited <date>' and the 'Withdrawn replies' part", () => {
    const all = text(doc(later, "en"));
    const edited = formatInstant(EDITED_AT, ZONE, "en");
    expect(all).toContain("edited replies: *1* · withdrawn replies: *1*");
    expect(all).toContain(`_(edited ${edited})_`);
    expect(all).toContain("*Edited replies (1)*");
    expect(all).toContain(
      `*Withdrawn replies (1)*\n• *2* · *LM* · withdrawn ${formatInstant(WITHDRAWN_AT, ZONE, "en")}`,
    );
  });

  it("keeps Slack's limits and says the same in Markdown", () => {
    for (const locale of ["lv", "en"] as const) {
      const d = doc(later, locale);
      for (const m of [renderDigestParent(d, locale), ...renderDigestThread(d)])
        expect(validateBlocks(m.blocks, "message")).toEqual([]);
    }
    const md = digestMarkdown(doc(later, "lv"));
    expect(md).toContain("**Atsauktās atbildes (1)**\n- **2** · **LM** · atsaukta ");
    expect(md).toContain("_(labota ");
  });

  it("the DOCX says it too: the parts, and the mark after a task's edited latest reply", async () => {
    const lv = doc(later, "lv");
    const files = unzipSync(new Uint8Array(await renderDigestDocx(lv, later, "lv")));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "");
    const edited = formatInstant(EDITED_AT, ZONE, "lv");
    expect(runs).toContain("Atsauktās atbildes (1)");
    expect(runs).toContain(`IEM: 🎉 Gatavs! Viss izdarīts. (labota ${edited})`);
    expect(runs).toContain(`TM: Galīgais teksts. (labota ${edited})`);
    expect(runs.filter((r) => r.includes("(labota")).length).toBeGreaterThanOrEqual(4);
    // The first digest marks the one new reply edited before it was built.
    expect(doc(first, "lv").latestMarks).toEqual({
      "13.2": ` _(labota ${formatInstant(EARLY_EDIT, ZONE, "lv")})_`,
    });
  });

  it("a digest stored before these parts existed still renders", () => {
    const { editedReplies: _e, withdrawn: _w, ...old } = later;
    const all = text(doc(old as DigestModel, "lv"));
    expect(all).not.toContain("Atsauktās atbildes");
  });
});

describe("the response rate's wording", () => {
  it("names the reporting cut-offs, never a bare 'termiņā'", () => {
    const lv = doc(first, "lv").sections[1]?.paragraphs.join("\n") ?? "";
    expect(lv).toContain(
      "atsaucība 15 % (2 no 13 prasītajām atbildēm; pagājušie ziņošanas termiņi: 1)",
    );
    expect(lv).not.toMatch(/\d termiņā/u);
    const en = doc(first, "en").sections[1]?.paragraphs.join("\n") ?? "";
    expect(en).toContain(
      "response rate 15% (2 of 13 replies asked for; past reporting cut-offs: 1)",
    );
  });
});

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Two processes writing one SQLite file, as a small installation runs: `serve --no-worker`
 * (slash commands, thread replies) and `worker` (reminders: intent, thread, sent), both busy at
 * once. No SQLITE_BUSY may reach a user or a job: every command is answered, every reply
 * stored once, every reminder sent once, and neither process logs "database is locked".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { listReplies } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { createSlackClient } from "../../src/emulator/client.ts";
import { messages } from "../../src/i18n/index.ts";
import { freePort } from "../../src/redis-server.ts";
import {
  type CliChild,
  countOutcome,
  type FaultWorld,
  faultWorld,
  healthy,
  MAPPED,
  SECRET,
  spawnCli,
  until,
} from "./support.ts";

const REPLIES = 120;
const COMMANDS = 120;
const MORE_CUTOFFS = 6;

let w: FaultWorld;
const children: CliChild[] = [];
beforeAll(async () => {
  w = await faultWorld({ sqlite: true });
});
afterAll(async () => {
  for (const c of children) c.child.kill("SIGKILL");
  await w?.stop();
});

describe("web and worker processes on one SQLite file", () => {
  it("never let SQLITE_BUSY reach a user or a job", async () => {
    const port = await freePort();
    const web = spawnCli(["serve", "--no-worker"], w.env({ PORT: String(port) }));
    // The worker also re-reads the reminder threads every second (the collection job): each
    // run writes every message it sees, so both processes write all the time.
    const worker = spawnCli(["worker"], w.env({ COLLECT_EVERY: "PT1S" }));
    children.push(web, worker);
    const url = `http://127.0.0.1:${port}`;
    await healthy(url);
    const slack = createSlackClient({ appUrl: url, signingSecret: SECRET, emulator: w.emulator });

    const first = await w.addCutoff(10 * 24 * 3600_000);
    await w.replan(first);
    const lm = await findInstitution(w.db, "LM");
    await until(async () => (await findThread(w.db, first, lm?.id ?? 0)) !== undefined);
    const thread = await findThread(w.db, first, lm?.id ?? 0);
    // The worker gets busy with more cut-offs (three channels, paced at one post a second)…
    const more: number[] = [];
    for (let i = 0; i < MORE_CUTOFFS; i++) more.push(await w.addCutoff(10 * 24 * 3600_000 + i));
    for (const id of more) await w.replan(id);

    // …while people reply in the thread and use /task, ten at a time.
    const contact = MAPPED[0];
    const sent: string[] = [];
    const answers: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < REPLIES + COMMANDS) {
          const i = next++;
          if (i % 2 === 0 && sent.length < REPLIES) {
            const reply = await slack.userMessage({
              channelId: contact.channel,
              userId: contact.user,
              threadTs: thread?.threadTs,
              text: `14: ieraksts ${i}`,
            });
            expect(reply.status).toBe(200);
            sent.push(reply.ts);
          } else if (i % 10 === 1) {
            // A change in a transaction (read, then write) while the worker writes too.
            const res = await slack.command(
              "/cutoff",
              `add 2099-01-0${(i % 9) + 1} --tasks 1,5,14 Tālais ${i}`,
              {
                userId: "U0FSEC",
              },
            );
            expect(res.status).toBe(200);
            answers.push(String((res.body as { text?: unknown }).text ?? ""));
          } else {
            const res = await slack.command("/task", ["14", "1", "IEM", "5"][i % 4] ?? "14", {
              userId: contact.user,
            });
            expect(res.status).toBe(200);
            answers.push(String((res.body as { text?: unknown }).text ?? ""));
          }
        }
      }),
    );

    const unexpected = messages("lv").errors.unexpected;
    expect(answers.filter((a) => a === "" || a.includes(unexpected))).toEqual([]);
    await until(async () => {
      const outcomes = await Promise.all([first, ...more].map((id) => countOutcome(w, id)));
      return outcomes.every((o) => o.expected === 3 && o.losses === 0);
    }, 60_000);
    for (const id of [first, ...more])
      expect(await countOutcome(w, id)).toEqual({ expected: 3, duplicates: 0, losses: 0 });
    const stored = async () => (await listReplies(w.db, first)).filter((r) => sent.includes(r.ts));
    await until(async () => (await stored()).length >= sent.length);
    expect(await stored()).toHaveLength(sent.length);
    for (const c of children) expect(c.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    process.stdout.write(
      `SQLite, two processes: ${answers.length} commands answered, ${sent.length} replies stored, ${(MORE_CUTOFFS + 1) * 3} reminders sent once, no SQLITE_BUSY\n`,
    );
  }, 120_000);
});

/**
 * Migration 2026_12_03_090000_escape_modal_reply_text on the test store (SQLite, or PostgreSQL
 * with TEST_DATABASE=postgres): a modal reply stored as typed before it gets Slack's escaping
 * (`&`, `<`, `>` only); thread replies, Slack's text already, are left as they are (no double
 * escaping); down restores the typed text exactly, a typed "&lt;" included.
 */

import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { ReplySource } from "../../db/replies.ts";
import { migrationSuite, seedCutoff } from "./support.ts";

const NAME = "2026_12_03_090000_escape_modal_reply_text";
const PREVIOUS = "2026_12_02_090000_add_reminder_cutoff_at";
/** What a person typed into the modal (a literal "&lt;" too), stored as typed before. */
const TYPED = "R&D <b> a<b; &lt; ir <https://evil.example|lm.gov.lv>";
const ESCAPED = "R&amp;D &lt;b&gt; a&lt;b; &amp;lt; ir &lt;https://evil.example|lm.gov.lv&gt;";
/** A thread reply as Slack sent it: escaped once, a link code kept. */
const SLACK = "14: R&amp;D un 5 &lt; 6 <https://lm.gov.lv|lm.gov.lv>";

const { store, migrate } = migrationSuite(NAME, PREVIOUS);

describe(`migration ${NAME}`, () => {
  it("escapes modal replies once, leaves thread replies alone, and down restores them", async () => {
    const db = await store();
    await migrate("down");
    const { cutoff, lmId } = await seedCutoff(db);
    const rows: Array<[string, string, ReplySource, string]> = [
      ["modal", "V0MODAL1", "modal", TYPED],
      ["C0LM", "1700000000.000100", "event", SLACK],
      ["C0LM", "1700000000.000200", "collect", SLACK],
    ];
    // As the store had them then: the table before later migrations (no `stored_at` yet).
    for (const [channelId, ts, source, text] of rows)
      await sql`insert into replies (cutoff_id, institution_id, channel_id, ts, user_id, text, files, verified, source, received_at)
        values (${cutoff.id}, ${lmId}, ${channelId}, ${ts}, 'U0ANNA', ${text}, '[]', 1, ${source}, '2027-01-10T08:00:00.000Z')`.execute(
        db,
      );
    // Read by SQL: below the later migrations the store's readers (findReplyByMessage reads
    // `stored_at`) would ask for columns the table does not have yet.
    const texts = async () =>
      Promise.all(
        rows.map(
          async ([c, ts]) =>
            (
              await db
                .selectFrom("replies")
                .select("text")
                .where("channel_id", "=", c)
                .where("ts", "=", ts)
                .executeTakeFirst()
            )?.text,
        ),
      );

    await migrate("latest");
    expect(await texts()).toEqual([ESCAPED, SLACK, SLACK]);

    await migrate("down");
    expect(await texts()).toEqual([TYPED, SLACK, SLACK]);
    await migrate("latest");
    expect(await texts()).toEqual([ESCAPED, SLACK, SLACK]);
  });
});

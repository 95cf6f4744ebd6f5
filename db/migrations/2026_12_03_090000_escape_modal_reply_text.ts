import { type Kysely, sql } from "kysely";

/**
 * Modal replies ("Submit update", `source` = 'modal') get the text form every other reply has:
 * `&`, `<` and `>` escaped as `&amp;`, `&lt;` and `&gt;`, as Slack sends a typed message's
 * text (https://api.slack.com/reference/surfaces/formatting#escaping) and as the app now stores
 * a submission. Until now they were stored as typed, so a literal "&amp;" showed as "&" and a
 * typed "<https://…|x>" could be read as a link. Only modal rows change: thread replies
 * (`source` 'event' or 'collect') are Slack's text already and escaping them would double it.
 * `&` goes first, so the entities made for `<` and `>` are not escaped again. Kept to SQL
 * `replace`, which SQLite and PostgreSQL both have; the migration never imports app code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update replies set text = replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') where source = 'modal'`.execute(
    db,
  );
}

/**
 * Undoes {@link up} exactly: in escaped text every `&` is the start of `&amp;`, `&lt;` or
 * `&gt;`, so decoding `&lt;` and `&gt;` before `&amp;` never reads a typed "&lt;" (stored
 * "&amp;lt;") as "<".
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update replies set text = replace(replace(replace(text, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') where source = 'modal'`.execute(
    db,
  );
}

/**
 * The digest document as Markdown (`digest --md`): the same title, headline and sections as
 * the Slack messages, with Slack's mrkdwn turned into CommonMark. Pure.
 * mrkdwn: https://api.slack.com/reference/surfaces/formatting
 */
import { decodeSlackEntities, silencedToPlain } from "../slack/message-text.ts";
import type { DigestDoc } from "./document.ts";

/**
 * The names Slack would show for the people and channels the digest mentions by ID (user ID →
 * name, channel ID → name, both without "@"/"#"); the CLI fills them (src/cli/local-names.ts).
 * An ID neither names stays the ID.
 */
export interface MentionNames {
  users?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
}

/**
 * Slack mrkdwn → Markdown: `*bold*` → `**bold**`, `<url|label>` → `[label](url)`, `<@U1>` →
 * `@name` (`names.users`) else `@U1`, `<#C1>` → `#name` (`names.channels`, else the label the
 * mention carries) else `#C1`, a broadcast in the escaped form digests stored before
 * `slackDisplayText` showed `@channel` carry (`&lt;!channel&gt;`) → `@channel`, `<!date^…|fallback>` → fallback, `&lt;`/`&gt;`/`&amp;`
 * unescaped (once), "• " bullets → "- ". A bare `<url>` stays a CommonMark autolink. Inline code
 * (`` `/institution set IZM #kanāls` ``) keeps its backticks and is left as written inside
 * (only the three entities decoded): no bold, link or mention is read there.
 */
export function mrkdwnToMarkdown(text: string, names: MentionNames = {}): string {
  const spans: string[] = [];
  // Set aside while the rest is converted: a private-use mark no digest text holds.
  const masked = text.replace(/`[^`\n]+`/g, (span) => `\uE000${spans.push(span) - 1}\uE001`);
  const markdown = silencedToPlain(masked)
    .replace(/<([a-z][a-z0-9+.-]*:[^|<>]+)\|([^<>]+)>/gi, "[$2]($1)")
    .replace(/<!date\^[^|<>]*\|([^<>]*)>/g, "$1")
    .replace(/<@([A-Z0-9]+)(?:\|[^<>]*)?>/g, (_, id: string) => `@${names.users?.get(id) ?? id}`)
    .replace(
      /<#([A-Z0-9]+)(?:\|([^<>]*))?>/g,
      (_, id: string, label?: string) => `#${names.channels?.get(id) ?? (label || id)}`,
    )
    .replace(/(^|[\s(„“"])\*([^*\n]+)\*/g, "$1**$2**")
    .replace(/^• /gm, "- ")
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)] ?? "");
  return decodeSlackEntities(markdown);
}

/** The user IDs a digest's texts mention (`<@U…>`), each once, in order. */
export function mentionedUsers(doc: DigestDoc): string[] {
  const texts = [...doc.headline, doc.context, ...doc.sections.flatMap((p) => p.paragraphs)];
  const ids = texts.flatMap((t) => [...t.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g)]);
  return [...new Set(ids.map((m) => m[1] ?? ""))];
}

/**
 * The whole digest as one Markdown text, ending with a newline; mentions named as `names` gives
 * them (see {@link mrkdwnToMarkdown}).
 */
export function digestMarkdown(doc: DigestDoc, names: MentionNames = {}): string {
  const md = (text: string) => mrkdwnToMarkdown(text, names);
  const out = [`# ${doc.title}`, "", ...doc.headline.map((l) => `${md(l)}  `), ""];
  out.push(`_${md(doc.context)}_`, "");
  for (const part of doc.sections) {
    out.push(`## ${part.heading}`, "");
    for (const p of part.paragraphs) out.push(md(p), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

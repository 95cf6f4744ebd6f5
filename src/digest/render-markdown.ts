/**
 * The digest document as Markdown (`digest --md`): the same title, headline and sections as
 * the Slack messages, with Slack's mrkdwn turned into CommonMark. Pure.
 * mrkdwn: https://api.slack.com/reference/surfaces/formatting
 */
import type { DigestDoc } from "./document.ts";

/**
 * Slack mrkdwn → Markdown: `*bold*` → `**bold**`, `<url|label>` → `[label](url)`, `<@U1>` →
 * `@U1`, `<#C1>` → `#C1`, `&lt;`/`&gt;`/`&amp;` unescaped, "• " bullets → "- ".
 */
export function mrkdwnToMarkdown(text: string): string {
  return text
    .replace(/<(https?:[^|<>]+)\|([^<>]+)>/g, "[$2]($1)")
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<#([A-Z0-9]+)(?:\|[^<>]*)?>/g, "#$1")
    .replace(/(^|[\s(„“"])\*([^*\n]+)\*/g, "$1**$2**")
    .replace(/^• /gm, "- ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The whole digest as one Markdown text, ending with a newline. */
export function digestMarkdown(doc: DigestDoc): string {
  const out = [`# ${doc.title}`, "", ...doc.headline.map((l) => `${mrkdwnToMarkdown(l)}  `), ""];
  out.push(`_${mrkdwnToMarkdown(doc.context)}_`, "");
  for (const part of doc.sections) {
    out.push(`## ${part.heading}`, "");
    for (const p of part.paragraphs) out.push(mrkdwnToMarkdown(p), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

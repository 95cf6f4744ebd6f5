/**
 * What typing a message into Slack sends: Slack's client escapes `&`, `<` and `>` as `&amp;`,
 * `&lt;` and `&gt;`, and turns what it recognises into its formatting codes — `@channel`,
 * `@here`, `@everyone` into `<!channel>`…, `@name` of a member into `<@U…>`, a bare URL into
 * `<https://…>`. The local Slack's `npm run slack -- --reply` sends typed text this way, so a
 * local reply reaches the app as a real one would (`R&D` arrives as `R&amp;D`).
 * Source: https://api.slack.com/reference/surfaces/formatting
 */
import { escapeSlackText } from "../slack/message-text.ts";

/** Where a mention or a URL may start: the text's start, or after a space or an opening bracket. */
const BEFORE = "(^|[\\s(\\[„“\"'])";

/**
 * `typed` as Slack's client sends it: `&`, `<`, `>` escaped; `@channel`/`@here`/`@everyone`
 * as `<!channel>`…; `@name` as `<@U…>` when `people` (name → user ID) has that name (others
 * stay text, as in Slack when nobody is picked); `http(s)://…` as `<url>` (trailing
 * punctuation left outside).
 */
export function typedToSlackText(
  typed: string,
  people: ReadonlyMap<string, string> = new Map(),
): string {
  return escapeSlackText(typed)
    .replace(new RegExp(`${BEFORE}@(channel|here|everyone)(?![\\p{L}\\p{N}._-])`, "gu"), "$1<!$2>")
    .replace(
      new RegExp(`${BEFORE}@([\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])`, "gu"),
      (whole, pre, name) => {
        const id = people.get(name);
        return id ? `${pre}<@${id}>` : whole;
      },
    )
    .replace(new RegExp(`${BEFORE}(https?://[^\\s<>]*[^\\s<>.,;:!?)\\]”"'])`, "gu"), "$1<$2>");
}

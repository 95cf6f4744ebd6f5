/**
 * The answers to mistakes in `/cutoff` text (and the CLI's `cutoff` arguments): what was not
 * understood, echoed as typed, with the date formats (those naming a day ahead) or the usage
 * as the hint.
 */
import type { Locale } from "../src/config.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { escapeMrkdwn, truncateText } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { notice } from "./access.ts";
import { ADMIN_ARG_MAX } from "./args.ts";
import { type CutoffMistake, TITLE_MAX } from "./cutoff-parse.ts";
import type { Reply } from "./types.ts";

/** A kind answer to a mistake in `/cutoff` text, with the date formats or the usage hint. */
export function mistakeReply(m: CutoffMistake, locale: Locale): Reply {
  const t = cutoffText(locale);
  const shown = (s: string) => echoTypedText(s, 60);
  // A cut-off is always ahead (a past one is refused): no "vakar" / "yesterday" offered.
  const hint = m.reason === "bad_date" ? t.futureDateFormats : t.usageHint;
  return notice(mistakeText(m, t, shown), hint, false);
}

function mistakeText(
  m: CutoffMistake,
  t: ReturnType<typeof cutoffText>,
  shown: (s: string) => string,
): string {
  switch (m.reason) {
    case "too_long":
      return t.tooLong(m.length, ADMIN_ARG_MAX);
    case "not_understood":
      return t.notUnderstood(shown(m.text));
    case "missing_date":
      return t.missingDate(m.sub);
    case "bad_date":
      return m.error === "invalid_date" ? t.invalidDate(shown(m.input)) : t.badDate(shown(m.input));
    case "bad_time":
      return t.badTime(shown(m.input));
    case "time_seconds":
      return t.timeSeconds(shown(m.input), m.minute);
    case "missing_time":
      return t.missingTime;
    case "times_differ":
      return t.timesDiffer(shown(m.first), shown(m.second));
    case "time_after_title":
      return t.timeAfterTitle(shown(m.input), escapeMrkdwn(truncateText(m.example, 200)));
    case "missing_title":
      return t.missingTitle;
    case "title_too_long":
      return t.titleTooLong(m.length, TITLE_MAX);
    case "bad_tasks":
      return t.badTasks(shown(m.input));
    case "tasks_twice":
      return t.tasksTwice;
    case "missing_id":
      return t.missingId(m.sub);
    case "bad_id":
      return t.badId(shown(m.input), m.sub);
    case "extra":
      return t.extra(shown(m.text));
  }
}

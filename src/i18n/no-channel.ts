import type { Locale } from "../config.ts";
import { defineCatalog } from "./define.ts";

/**
 * The one wording, shared by `/task N`'s cut-off section and the digest, for institutions that
 * have not answered and have no Slack channel: their reminders are never posted (`send-reminder`
 * records them failed, "no_mapping"). It tells who may set a channel (only the secretary may run
 * `/institution set`), so a member who reads it is not sent to a command that refuses them.
 */
const lv = {
  /**
   * `codes` non-empty, in the caller's order; the command's example uses the first. `past`:
   * the cut-off has passed and no reminder is left for it ("netika sūtīti"), else "netiks".
   */
  notReminded: (codes: readonly string[], past: boolean) =>
    `${
      codes.length === 1
        ? `Institūcijai ${codes[0]} nav Slack kanāla, tāpēc atgādinājumi tai ${past ? "netika" : "netiks"} sūtīti.`
        : `Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām ${past ? "netika" : "netiks"} sūtīti: ${codes.join(", ")}.`
    } Sekretārs kanālu var norādīt ar \`/institution set ${codes[0] ?? ""} #kanāls\`.`,
};

const en: typeof lv = {
  notReminded: (codes, past) =>
    `${
      codes.length === 1
        ? `${codes[0]} has no Slack channel, so no reminders ${past ? "were" : "will be"} sent to it.`
        : `These institutions have no Slack channel, so no reminders ${past ? "were" : "will be"} sent to them: ${codes.join(", ")}.`
    } The secretary can set one with \`/institution set ${codes[0] ?? ""} #channel\`.`,
};

const catalog = defineCatalog<typeof lv>({ lv, en });

/**
 * The notice for institutions without a Slack channel that will not be reminded, in `locale`:
 * singular for one code ("Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netiks
 * sūtīti. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`."), else the codes
 * listed ("Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, VM. …").
 * Plain mrkdwn without an emoji (callers add their own mark). `codes` are institution codes,
 * non-empty (an empty list gives ""); the command's example names the first of them. `tense`
 * "past" for a cut-off that has passed with no reminder left for it ("… tai netika sūtīti." /
 * "… no reminders were sent to it."); "future" (default) otherwise.
 */
export function noChannelNotice(
  locale: Locale,
  codes: readonly string[],
  tense: "future" | "past" = "future",
): string {
  return codes.length === 0 ? "" : catalog(locale).notReminded(codes, tense === "past");
}

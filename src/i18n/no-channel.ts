import type { Locale } from "../config.ts";
import { defineCatalog } from "./define.ts";

/**
 * The one wording, shared by `/task N`'s cut-off section and the digest, for institutions that
 * have not answered and have no Slack channel: their reminders are never posted (`send-reminder`
 * records them failed, "no_mapping"). It tells who may set a channel (only the secretary may run
 * `/institution set`), so a member who reads it is not sent to a command that refuses them.
 */
const lv = {
  /** `codes` non-empty, in the caller's order; the command's example uses the first. */
  notReminded: (codes: readonly string[]) =>
    `${
      codes.length === 1
        ? `Institūcijai ${codes[0]} nav Slack kanāla, tāpēc atgādinājumi tai netiks sūtīti.`
        : `Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: ${codes.join(", ")}.`
    } Sekretārs kanālu var norādīt ar \`/institution set ${codes[0] ?? ""} #kanāls\`.`,
};

const en: typeof lv = {
  notReminded: (codes) =>
    `${
      codes.length === 1
        ? `${codes[0]} has no Slack channel, so no reminders will be sent to it.`
        : `These institutions have no Slack channel, so no reminders will be sent to them: ${codes.join(", ")}.`
    } The secretary can set one with \`/institution set ${codes[0] ?? ""} #channel\`.`,
};

const catalog = defineCatalog<typeof lv>({ lv, en });

/**
 * The notice for institutions without a Slack channel that will not be reminded, in `locale`:
 * singular for one code ("Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netiks
 * sūtīti. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`."), else the codes
 * listed ("Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, VM. …").
 * Plain mrkdwn without an emoji (callers add their own mark). `codes` are institution codes,
 * non-empty (an empty list gives ""); the command's example names the first of them.
 */
export function noChannelNotice(locale: Locale, codes: readonly string[]): string {
  return codes.length === 0 ? "" : catalog(locale).notReminded(codes);
}

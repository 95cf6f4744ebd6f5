import { chooseLanguageOnHome, type HomeLanguage } from "../../src/emulator/home-language.ts";
import type { TestApp } from "./app.ts";

/**
 * `userId` picks `language` on the app's Home tab, as a person does in Slack (the Home opened,
 * the language select changed, the re-published Home awaited). Since Slack's "en-*" locale is no
 * signal by default (SLACK_LOCALE), this is how a test user gets English answers.
 */
export async function chooseLanguage(
  t: Pick<TestApp, "slack" | "emulator">,
  userId: string,
  language: HomeLanguage,
): Promise<void> {
  await chooseLanguageOnHome({ client: t.slack, emulatorUrl: t.emulator.url, userId, language });
}

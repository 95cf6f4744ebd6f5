/**
 * The local-mode handshake file: the app (started with `npm start` in local mode) writes where
 * it and its emulator listen; `npm run slack` reads it to talk to them.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

/** Path of the file under the app's DATA_DIR (`local-slack.json`; default data/local-slack.json). */
export function localSlackFile(dataDir: string): string {
  return join(dataDir, "local-slack.json");
}

const schema = z.object({
  appUrl: z.url(),
  emulatorUrl: z.url(),
  signingSecret: z.string().min(1),
  userId: z.string().min(1),
  channelId: z.string().min(1),
  teamId: z.string().min(1),
});

/**
 * Contents of the file ({@link localSlackFile}): the app's base URL (requests go to
 * `${appUrl}/slack/events`), the emulator's base URL, the signing secret the app checks, and
 * the default user, channel and team to act as.
 */
export type LocalSlackFile = z.infer<typeof schema>;

/**
 * Writes the file atomically (temp file + rename), creating its directory.
 * @param path absolute or cwd-relative (see {@link localSlackFile}).
 */
export async function writeLocalSlackFile(file: LocalSlackFile, path: string): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(schema.parse(file), null, 2)}\n`, "utf8");
  await rename(temp, target);
}

/**
 * Reads the file.
 * @returns its contents, or `null` when it does not exist (the local app is not running).
 * @throws Error when it exists but is not valid JSON of the expected shape.
 */
export async function readLocalSlackFile(path: string): Promise<LocalSlackFile | null> {
  let text: string;
  try {
    text = await readFile(resolve(path), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON; delete it and restart the local app`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${path} is malformed: ${parsed.error.message}`);
  return parsed.data;
}

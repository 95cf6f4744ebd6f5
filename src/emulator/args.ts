/**
 * Reading Web API arguments the way Slack does: form fields arrive as strings (objects as
 * JSON strings, booleans as "true"/"1"), JSON bodies as typed values. Handlers signal API
 * errors by throwing {@link ApiError}; the server turns it into HTTP 200 `{ok:false,error}`.
 */
import type { ApiArgs } from "./types.ts";

/**
 * A Web API error: `code` becomes `error`, `extra` is merged into the response (e.g.
 * `errors` for invalid_blocks, `response_metadata.messages` for invalid_arguments).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "ApiError";
  }
}

/** Arguments whose form value is a JSON string; decoded before handlers see them. */
export const JSON_ARGS = ["blocks", "attachments", "view", "metadata"] as const;

/**
 * Decodes JSON-string arguments in place of the strings. A value that is not valid JSON stays
 * a string, so the handler can answer `invalid_blocks_format`/`invalid_arguments`.
 */
export function decodeJsonArgs(args: ApiArgs): ApiArgs {
  const decoded: ApiArgs = { ...args };
  for (const key of JSON_ARGS) {
    const value = decoded[key];
    if (typeof value !== "string" || value === "") continue;
    try {
      decoded[key] = JSON.parse(value);
    } catch {
      // left as a string: the handler reports the malformed argument
    }
  }
  return decoded;
}

/** A string argument (numbers are stringified); `undefined` when absent or empty. */
export function optionalString(args: ApiArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A required string argument. @throws ApiError `missingError` when absent. */
export function requiredString(args: ApiArgs, key: string, missingError: string): string {
  const value = optionalString(args, key);
  if (value === undefined) throw new ApiError(missingError);
  return value;
}

/** A boolean flag: true for `true`, "true", "1", 1. */
export function flag(args: ApiArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === "true" || value === "1" || value === 1;
}

/** An integer argument; `fallback` when absent, clamped to [min, max]. @throws ApiError invalid_limit-style code when not a number. */
export function integer(
  args: ApiArgs,
  key: string,
  fallback: number,
  range: [number, number],
): number {
  const raw = args[key];
  if (raw === undefined || raw === "") return fallback;
  const value = typeof raw === "number" ? raw : Number.parseInt(String(raw), 10);
  if (Number.isNaN(value)) throw new ApiError("invalid_arguments");
  return Math.min(range[1], Math.max(range[0], value));
}

/** `invalid_arguments` with Slack's `response_metadata.messages` ("[ERROR] …"). */
export function invalidArguments(problems: string[]): ApiError {
  return new ApiError("invalid_arguments", {
    response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
  });
}

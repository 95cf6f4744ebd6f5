/**
 * The catalogue of user mistakes. Each becomes a kind ephemeral message through the i18n
 * layer (the code is the catalogue key under `errors.`); anything else is unexpected and goes
 * to the one error handler and the log.
 */
export type UserErrorCode =
  | "task_not_found"
  | "task_number_invalid"
  | "argument_too_long"
  | "store_unavailable";

/** A user mistake with the parameters its message needs (plain JSON). */
export interface UserErrorInfo {
  code: UserErrorCode;
  params: Record<string, string | number | string[]>;
}

/** Thrown where a user mistake is found deep in a call; adapters turn it into a message. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly params: UserErrorInfo["params"] = {},
  ) {
    super(code);
    this.name = "UserError";
  }
}

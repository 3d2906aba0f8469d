import { userErrorCodes } from "./generated/operation-facts.ts";

export { userErrorCodes };

/** The name of each `XErrorCode` enum of the schema, e.g. `"LogInErrorCode"`. */
export type ErrorCodeEnum = keyof typeof userErrorCodes;

/**
 * The codes of one `XErrorCode` enum as a union, e.g. `UserErrorCode<"LogInErrorCode">`; without
 * an argument, every code any mutation can put in `userErrors`. A `switch` over it is checked for
 * exhaustiveness, so a code added to the schema shows up at compile time after `codegen`.
 */
export type UserErrorCode<E extends ErrorCodeEnum = ErrorCodeEnum> = (typeof userErrorCodes)[E][number];

/** Whether a code (read from storage, a log or a webhook) is one of the enum's. */
export function isUserErrorCode<E extends ErrorCodeEnum>(
  enumName: E,
  code: unknown,
): code is UserErrorCode<E> {
  return (userErrorCodes[enumName] as readonly unknown[]).includes(code);
}

/** The codes of a mutation payload's `userErrors`, typed by its enum; empty when it succeeded. */
export function userErrorCodesOf<Code extends string>(payload: {
  readonly userErrors: readonly { readonly code: Code }[];
}): Code[] {
  return payload.userErrors.map((error) => error.code);
}

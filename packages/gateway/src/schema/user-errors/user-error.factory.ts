import { Field, ObjectType, registerEnumType } from "type-graphql";
import { USER_ERROR_CATALOG, type UserErrorCode } from "../../i18n/user-error-catalog.ts";

/** One problem with a mutation's input, as the payload's `userErrors` carries it. */
export interface UserErrorView<C extends UserErrorCode = UserErrorCode> {
  readonly field: readonly string[] | null;
  readonly code: C;
  readonly message: string;
}

/**
 * Builds a mutation's `XErrorCode` enum and `XUserError` type from the use case's closed list of
 * codes, so the schema cannot drift from what the use case returns.
 */
export function defineUserError<C extends UserErrorCode>(mutation: string, codes: readonly C[]) {
  const codeEnum = Object.fromEntries(codes.map((code) => [code, code])) as Record<C, C>;
  registerEnumType(codeEnum, {
    name: `${mutation}ErrorCode`,
    description: `Why \`${lowerFirst(mutation)}\` refused its input.`,
    valuesConfig: Object.fromEntries(
      codes.map((code) => [code, { description: USER_ERROR_CATALOG[code].description }]),
    ) as Record<C, { description: string }>,
  });

  @ObjectType(`${mutation}UserError`, {
    description: `A problem with the input of \`${lowerFirst(mutation)}\` that the user can fix.`,
  })
  class UserError implements UserErrorView<C> {
    @Field(() => [String], {
      nullable: true,
      description:
        'Path to the input field at fault, such as ["input", "email"]; null when not about one field.',
    })
    field!: string[] | null;

    @Field(() => codeEnum, { description: "Stable, machine-readable reason." })
    code!: C;

    @Field(() => String, {
      description: "Explanation for the user, in Persian when Accept-Language prefers fa, else English.",
    })
    message!: string;
  }
  return UserError;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

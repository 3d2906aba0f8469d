import { MaxLength } from "class-validator";
import { Field } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

/** The optional `totpCode` of a mutation that needs a fresh second factor (docs/api.md, Step-up). */
export function StepUpCodeField(): PropertyDecorator {
  const field = Field(() => String, {
    nullable: true,
    description:
      "A code from the authenticator app (or a recovery code), unless this session called confirmSecondFactor in the last five minutes.",
  });
  const maxLength = MaxLength(TEXT_LIMITS.code);
  return (target, property) => {
    maxLength(target, property);
    field(target, property);
  };
}

import type { Role } from "@peykarband/domain";
import { MaxLength } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { RoleEnum } from "./role.enum.ts";

@InputType("UserFilter", { description: "Which accounts to list; both given, an account must match both." })
export class UserFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Only accounts whose email starts with this text, ignoring case and Unicode form: a whole address finds that account, its start (`sara.` or `SARA.AHMADI@EX`) every account that begins so. Blank or omitted: any email.",
  })
  @MaxLength(TEXT_LIMITS.email)
  email?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: "Only accounts with this role." })
  role?: Role | null;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilterInput, {
    nullable: true,
    description: "Narrows the list; every account when omitted.",
  })
  filter?: UserFilterInput | null;
}

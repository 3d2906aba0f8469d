import { hasTwoFactor, type Role, type User } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RoleEnum } from "./role.enum.ts";

@ObjectType("User", { implements: NodeInterface, description: "A person's account." })
export class UserType extends NodeInterface {
  @Field(() => String, { description: "Sign-in email address, lower-cased and Unicode-normalized." })
  email!: string;

  @Field(() => String, { nullable: true, description: "Iranian mobile number in E.164 (+989…), when given." })
  phone!: string | null;

  @Field(() => RoleEnum, { description: "What the account may do." })
  role!: Role;

  @Field(() => Boolean, { description: "Whether signing in needs a code from an authenticator app." })
  twoFactorEnabled!: boolean;

  @Field(() => DateTimeScalar, { description: "When the account was registered." })
  createdAt!: Date;

  /** The store's key, for field resolvers such as `wallet`; not exposed. */
  key!: string;

  /** Only what the API shows: never the password hash or the sealed TOTP secret. */
  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: toGlobalId("User", user.id),
      email: user.email.toString(),
      phone: user.phone?.toString() ?? null,
      role: user.role,
      twoFactorEnabled: hasTwoFactor(user),
      createdAt: user.createdAt,
      key: user.id,
    });
  }
}

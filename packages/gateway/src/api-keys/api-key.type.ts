import type { ApiKey, ApiScope } from "@peykarband/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { ApiScopeEnum } from "./api-scope.enum.ts";

@ObjectType("ApiKey", { description: "One of your API keys. Its secret was shown once, at creation." })
export class ApiKeyType {
  @Field(() => ID, { description: "Opaque global id, for `revokeApiKey`." })
  id!: string;

  @Field(() => String, { description: "Your name for the key, such as 'billing-sync'." })
  name!: string;

  @Field(() => String, {
    description:
      "The key's first characters (`pkb_` and the start of its id), to tell keys apart; not secret.",
  })
  prefix!: string;

  @Field(() => [ApiScopeEnum], { description: "What the key may do." })
  scopes!: ApiScope[];

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When it was last used, to the minute (updated at most once a minute); null if never.",
  })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was revoked; null while it works." })
  revokedAt!: Date | null;

  static from(key: ApiKey): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: toGlobalId("ApiKey", key.id),
      name: key.name,
      prefix: key.prefix,
      scopes: [...key.scopes],
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
    });
  }
}

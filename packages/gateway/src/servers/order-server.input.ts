import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("OrderServerInput", { description: "What to create, where, and a key that makes retries safe." })
export class OrderServerInput {
  @Field(() => String, {
    description:
      "The hostname: letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen.",
  })
  @MaxLength(TEXT_LIMITS.reason)
  name!: string;

  @Field(() => ID, { description: "The plan (`Plan.id`); it must be offered in the region." })
  @MaxLength(TEXT_LIMITS.id)
  planId!: string;

  @Field(() => ID, { description: "The region (`Region.id`)." })
  @MaxLength(TEXT_LIMITS.id)
  regionId!: string;

  @Field(() => ID, { description: "The operating system (`Image.id`); the region's provider must offer it." })
  @MaxLength(TEXT_LIMITS.id)
  imageId!: string;

  @GlobalIdField("SshKey", {
    nullable: true,
    description: "Your SSH keys (`SshKey.id`) to install for root; none when omitted.",
    list: true,
  })
  @ArrayMaxSize(50)
  sshKeyIds?: LocalId<"SshKey">[] | null;

  @GlobalIdField("User", {
    nullable: true,
    description:
      "Resellers: order for this customer of yours (`User.id`): the server, its charges and quota are the customer's, at your prices. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is yours.",
  })
  customerId?: LocalId<"User"> | null;

  @Field(() => String, {
    description:
      "A fresh key per order (a UUID will do), 1 to 100 printable ASCII characters. The same order with the same key returns the first server and charges once; another order with it is IDEMPOTENCY_KEY_REUSED.",
  })
  @MaxLength(TEXT_LIMITS.idempotencyKey)
  idempotencyKey!: string;
}

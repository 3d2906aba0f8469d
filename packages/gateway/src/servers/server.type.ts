import type { CloudProviderName, Server, ServerOperation, ServerStatus } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { CloudProviderEnum } from "../catalog/cloud-provider.enum.ts";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { ServerOperationEnum } from "./server-operation.enum.ts";
import { ServerStatusEnum } from "./server-status.enum.ts";

/** `plan`, `region`, `image` and `history` are field resolvers (server.resolver.ts). */
@ObjectType("Server", {
  implements: NodeInterface,
  description: "A customer's virtual server at a cloud provider.",
})
export class ServerType extends NodeInterface {
  @Field(() => String, { description: "The hostname chosen at order time; not unique." })
  name!: string;

  @Field(() => ServerStatusEnum, { description: "Where the server is in its life." })
  status!: ServerStatus;

  @Field(() => CloudProviderEnum, { description: "The cloud it runs on." })
  provider!: CloudProviderName;

  @Field(() => String, {
    nullable: true,
    description: "Public IPv4 address; null until the provider assigns it.",
  })
  ipv4!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Public IPv6 address; null until assigned, or when none.",
  })
  ipv6!: string | null;

  @Field(() => ServerOperationEnum, {
    nullable: true,
    description: "The operation under way; null when none is. Another one is refused until it ends.",
  })
  pendingOperation!: ServerOperation | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the server FAILED, or why its last operation failed; null otherwise.",
  })
  failureReason!: string | null;

  @Field(() => DateTimeScalar, { description: "When it was ordered." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: "When it last changed." })
  updatedAt!: Date;

  /** The store's key and catalog ids, for field resolvers and cursors; not exposed. */
  key!: string;
  planId!: string;
  regionId!: string;
  imageId!: string;

  /** Only what the API shows: never the provider's id, the owner's id or the idempotency key. */
  static from(server: Server): ServerType {
    return Object.assign(new ServerType(), {
      id: toGlobalId("Server", server.id),
      name: server.name,
      status: server.status,
      provider: server.provider,
      ipv4: server.ipv4,
      ipv6: server.ipv6,
      pendingOperation: server.pendingOperation,
      failureReason: server.failureReason,
      createdAt: server.createdAt,
      updatedAt: server.updatedAt,
      key: server.id,
      planId: server.planId,
      regionId: server.regionId,
      imageId: server.imageId,
    });
  }
}

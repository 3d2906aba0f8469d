import type { SshKey } from "@peykarband/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../schema/node/global-id.ts";
import { NodeInterface } from "../schema/node/node.interface.ts";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";

@ObjectType("SshKey", {
  implements: NodeInterface,
  description: "An SSH public key of yours, installed for root on the servers you order with it.",
})
export class SshKeyType extends NodeInterface {
  @Field(() => String, { description: "Your name for the key, such as 'laptop'." })
  name!: string;

  @Field(() => String, {
    description: 'The key in OpenSSH one-line form: "<type> <base64>", without comment.',
  })
  publicKey!: string;

  @Field(() => String, { description: 'Its SHA-256 fingerprint as `ssh-keygen -l` prints it: "SHA256:…".' })
  fingerprint!: string;

  @Field(() => DateTimeScalar, { description: "When it was added." })
  createdAt!: Date;

  static from(key: SshKey): SshKeyType {
    return Object.assign(new SshKeyType(), {
      id: toGlobalId("SshKey", key.id),
      name: key.name,
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
      createdAt: key.createdAt,
    });
  }
}

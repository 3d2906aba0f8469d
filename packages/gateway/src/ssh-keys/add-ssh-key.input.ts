import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

/** An RSA 16384-bit public key is about 2,800 characters: anything much longer is not a key. */
const PUBLIC_KEY_LIMIT = 8192;

@InputType("AddSshKeyInput", { description: "A public key to keep in your account." })
export class AddSshKeyInput {
  @Field(() => String, { description: "Your name for it, 1 to 100 characters." })
  @MaxLength(TEXT_LIMITS.reason)
  name!: string;

  @Field(() => String, {
    description:
      'The public key line, as in ~/.ssh/id_ed25519.pub: "ssh-ed25519 AAAA… comment". Types: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521. The comment is dropped.',
  })
  @MaxLength(PUBLIC_KEY_LIMIT)
  publicKey!: string;
}

import {
  domainError,
  err,
  ok,
  parseSshKeyName,
  parseSshPublicKey,
  type DomainError,
  type Result,
  type SshKey,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { ServerDeps } from "../servers/server-deps.ts";
import type { AddSshKeyErrorCode } from "./ssh-key-errors.ts";

/** Stores one of the viewer's SSH public keys, normalized and fingerprinted as ssh-keygen does. */
export async function addSshKey(
  deps: ServerDeps,
  input: { name: string; publicKey: string },
  ctx: RequestContext,
): Promise<Result<{ sshKey: SshKey }, DomainError<AddSshKeyErrorCode>>> {
  const viewer = requireViewer(ctx);
  const name = parseSshKeyName(input.name);
  if (!name.ok) return name;
  const key = parseSshPublicKey(input.publicKey);
  if (!key.ok) return key;
  // Counted before the insert: two concurrent adds may pass one over the limit, which is harmless.
  const existing = await deps.sshKeys.listByUser(viewer.userId);
  if (existing.length >= deps.policy.maxSshKeysPerUser) {
    return err(
      domainError("TOO_MANY_SSH_KEYS", `You may keep at most ${deps.policy.maxSshKeysPerUser} SSH keys.`),
    );
  }
  const outcome = await deps.sshKeys.add({
    id: deps.ids.newId(),
    userId: viewer.userId,
    name: name.value,
    publicKey: key.value.line,
    fingerprint: `SHA256:${deps.fingerprint.sha256Base64(key.value.blob)}`,
    createdAt: deps.clock.now(),
  });
  if (outcome.status === "DUPLICATE") {
    return err(
      domainError("DUPLICATE_SSH_KEY", `You already have this key, named "${outcome.key.name}".`, [
        "publicKey",
      ]),
    );
  }
  await recordAudit(deps, ctx, "SSH_KEY_ADDED", {
    details: { sshKeyId: outcome.key.id, fingerprint: outcome.key.fingerprint },
  });
  return ok({ sshKey: outcome.key });
}

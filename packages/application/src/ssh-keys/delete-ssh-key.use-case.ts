import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { ServerDeps } from "../servers/server-deps.ts";
import type { DeleteSshKeyErrorCode } from "./ssh-key-errors.ts";

/** Servers already created keep the key (it lives on their disks); new orders can no longer use it. */
export async function deleteSshKey(
  deps: ServerDeps,
  input: { sshKeyId: string },
  ctx: RequestContext,
): Promise<Result<{ sshKeyId: string }, DomainError<DeleteSshKeyErrorCode>>> {
  const viewer = requireViewer(ctx);
  if (!(await deps.sshKeys.delete(viewer.userId, input.sshKeyId))) {
    return err(domainError("SSH_KEY_NOT_FOUND", "You have no such SSH key.", ["sshKeyId"]));
  }
  await recordAudit(deps, ctx, "SSH_KEY_DELETED", { details: { sshKeyId: input.sshKeyId } });
  return ok({ sshKeyId: input.sshKeyId });
}

import type { SshKey } from "@peykarband/domain";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { ServerDeps } from "../servers/server-deps.ts";

/** The viewer's own keys, oldest first. */
export const sshKeys = (deps: ServerDeps, ctx: RequestContext): Promise<SshKey[]> =>
  deps.sshKeys.listByUser(requireViewer(ctx).userId);

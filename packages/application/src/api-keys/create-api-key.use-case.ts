import {
  domainError,
  err,
  isApiScope,
  ok,
  type ApiKey,
  type ApiScope,
  type DomainError,
  type Result,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { AccessDeniedError, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { CreateApiKeyErrorCode } from "./api-key-errors.ts";
import { formatApiKey, SECRET_BYTES, shownPrefix } from "./api-key-secret.ts";

export interface CreateApiKeyInput {
  readonly name: string;
  readonly scopes: readonly string[];
}

const MAX_API_KEY_NAME_LENGTH = 64;
const MAX_API_KEYS_PER_USER = 50;

/** Creates a key for the viewer and returns its secret: the only time anyone sees it. */
export async function createApiKey(
  deps: AccountDeps,
  input: CreateApiKeyInput,
  ctx: RequestContext,
): Promise<Result<{ apiKey: ApiKey; secret: string }, DomainError<CreateApiKeyErrorCode>>> {
  const viewer = requireViewer(ctx);
  // A leaked key must not be able to mint more keys: only a signed-in session creates them.
  if (viewer.apiKey) throw new AccessDeniedError("FORBIDDEN");
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_API_KEY_NAME_LENGTH) {
    return err(
      domainError("INVALID_NAME", `Give the key a name of 1 to ${MAX_API_KEY_NAME_LENGTH} characters.`, [
        "name",
      ]),
    );
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || !scopes.every(isApiScope)) {
    return err(domainError("INVALID_SCOPES", "Give the key one or more known scopes.", ["scopes"]));
  }
  const existing = await deps.apiKeys.listByUser(viewer.userId, { limit: MAX_API_KEYS_PER_USER });
  if (existing.hasMore || existing.keys.filter((key) => !key.revokedAt).length >= MAX_API_KEYS_PER_USER) {
    return err(
      domainError("TOO_MANY_API_KEYS", `You may keep at most ${MAX_API_KEYS_PER_USER} API keys; revoke one.`),
    );
  }
  const id = deps.ids.newId();
  const secret = formatApiKey(id, deps.random.token(SECRET_BYTES));
  const apiKey: ApiKey = {
    id,
    userId: viewer.userId,
    name,
    prefix: shownPrefix(secret),
    scopes: scopes as ApiScope[],
    createdAt: deps.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.apiKeys.create({ ...apiKey, secretHash: deps.digest.sha256(secret) });
  await recordAudit(deps, ctx, "API_KEY_CREATED", {
    details: { apiKeyId: id, scopes: apiKey.scopes.join(" ") },
  });
  return ok({ apiKey, secret });
}

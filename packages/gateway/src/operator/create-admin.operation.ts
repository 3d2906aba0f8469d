import type { AccountUseCases } from "@peykarband/application";
import { randomUUID } from "node:crypto";

export interface CreateAdminInput {
  readonly email: string;
  readonly password: string;
}

export type CreateAdminOutcome =
  | { readonly ok: true; readonly created: boolean; readonly email: string }
  | { readonly ok: false; readonly message: string };

/** Creates an ADMIN, or promotes an existing account keeping its password. For operators, not the API. */
export async function createAdminWith(
  useCases: Pick<AccountUseCases, "createAdministrator">,
  input: CreateAdminInput,
): Promise<CreateAdminOutcome> {
  const result = await useCases.createAdministrator(input, {
    requestId: `cli:${randomUUID()}`,
    ip: null,
    userAgent: "peykarband-cli",
    viewer: null,
  });
  return result.ok
    ? { ok: true, created: result.value.created, email: result.value.user.email.toString() }
    : { ok: false, message: result.error.message };
}

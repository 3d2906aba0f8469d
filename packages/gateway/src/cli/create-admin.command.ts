import { createAccountUseCases, defaultAccountPolicy } from "@peykarband/application";
import { createAccountAdapters, openDatabase, type Config, type Database } from "@peykarband/infrastructure";
import { randomUUID } from "node:crypto";

export type CreateAdminOutcome =
  | { readonly ok: true; readonly created: boolean; readonly email: string }
  | { readonly ok: false; readonly message: string };

/** Creates an ADMIN, or promotes an existing account keeping its password. For operators, not the API. */
export async function createAdmin(
  config: Config,
  input: { email: string; password: string },
  database?: Database,
): Promise<CreateAdminOutcome> {
  const db = database ?? (await openDatabase(config));
  try {
    await db.migrate();
    const useCases = createAccountUseCases({
      ...createAccountAdapters(db, config),
      policy: { ...defaultAccountPolicy, accessTokenTtlSeconds: config.accessTokenTtlSeconds },
    });
    const result = await useCases.createAdministrator(input, {
      requestId: `cli:${randomUUID()}`,
      ip: null,
      userAgent: "peykarband-cli",
      viewer: null,
    });
    return result.ok
      ? { ok: true, created: result.value.created, email: result.value.user.email.toString() }
      : { ok: false, message: result.error.message };
  } finally {
    if (!database) await db.close();
  }
}

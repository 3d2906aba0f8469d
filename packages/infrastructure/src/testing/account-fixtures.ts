import type { NewUser } from "@peykarband/application";
import { Email } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { DrizzleUserRepository } from "../accounts/user.repository.ts";
import type { Database } from "../database/database.ts";
import { users } from "../database/schema.ts";

/** A user that does not exist yet, with a unique id and email. */
export function aNewUser(overrides: Partial<NewUser> = {}): NewUser {
  const id = overrides.id ?? randomUUID();
  const email = Email.parse(`user-${id}@example.ir`);
  if (!email.ok) throw new Error("fixture email is invalid");
  return {
    id,
    email: email.value,
    phone: null,
    role: "CUSTOMER",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$fixture",
    createdAt: new Date("2026-03-21T08:00:00.000Z"),
    ...overrides,
  };
}

/** Inserts a user (rows in most tables need one) and returns it. */
export async function insertUser(
  database: Pick<Database, "db">,
  overrides: Partial<NewUser> = {},
): Promise<NewUser> {
  const user = aNewUser(overrides);
  if (!(await new DrizzleUserRepository(database.db).create(user)))
    throw new Error("fixture user not created");
  return user;
}

/** Inserts `count` users in one statement, for tests and benchmarks that need many wallets. */
export async function insertUsers(database: Pick<Database, "db">, count: number): Promise<NewUser[]> {
  const created = Array.from({ length: count }, () => aNewUser());
  await database.db.insert(users).values(
    created.map((u) => ({
      id: u.id,
      email: u.email.value,
      role: u.role,
      passwordHash: u.passwordHash,
      createdAt: u.createdAt,
      updatedAt: u.createdAt,
    })),
  );
  return created;
}

import { Email } from "@peykarband/domain";
import { describe } from "vitest";
import { sequentialIds } from "../fake-crypto.ts";
import { InMemorySessions } from "../in-memory-sessions.ts";
import { InMemoryUsers } from "../in-memory-users.ts";
import { sessionRepositoryContract } from "./session-repository.contract.ts";

describe("InMemorySessions keeps the SessionRepository contract", () => {
  sessionRepositoryContract(async () => {
    const ids = sequentialIds();
    const users = new InMemoryUsers();
    return {
      sessions: new InMemorySessions(users),
      newId: ids.newId,
      async newUser() {
        const id = ids.newId();
        const email = Email.parse(`user-${id}@example.ir`);
        if (!email.ok) throw new Error("contract email is invalid");
        await users.create({
          id,
          email: email.value,
          phone: null,
          role: "CUSTOMER",
          passwordHash: "contract",
          createdAt: new Date("2026-03-21T08:00:00.000Z"),
        });
        return id;
      },
    };
  });
});

import type { Email, Role, TwoFactor, User } from "@peykarband/domain";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import type { NewUser, UserCursor, UserRepository, UserSearchFilter } from "../ports/user.repository.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";

export class InMemoryUsers implements UserRepository {
  readonly rows = new Map<string, User & { totpLastStep: number | null }>();

  async create(user: NewUser): Promise<boolean> {
    if ([...this.rows.values()].some((u) => u.email.value === user.email.value)) return false;
    this.rows.set(user.id, {
      ...user,
      resellerId: user.resellerId ?? null,
      twoFactor: { status: "DISABLED" },
      totpLastStep: null,
    });
    return true;
  }

  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }

  async findByIds(ids: readonly string[]) {
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }

  async findByEmail(email: Email) {
    return [...this.rows.values()].find((u) => u.email.value === email.value) ?? null;
  }

  async search(query: UserSearchFilter & KeysetPageQuery<UserCursor>) {
    const { items, hasMore } = keysetPage(this.matching(query).sort(newestFirst), query, newestFirst);
    return { users: items, hasMore };
  }

  async count(filter: UserSearchFilter) {
    return this.matching(filter).length;
  }

  private matching(filter: UserSearchFilter): User[] {
    return [...this.rows.values()].filter(
      (u) =>
        (filter.emailPrefix === undefined || u.email.value.startsWith(filter.emailPrefix)) &&
        (filter.role === undefined || u.role === filter.role) &&
        (filter.resellerId === undefined || u.resellerId === filter.resellerId),
    );
  }

  async updatePasswordHash(userId: string, passwordHash: string) {
    this.patch(userId, { passwordHash });
  }

  async updateTwoFactor(userId: string, twoFactor: TwoFactor) {
    this.patch(userId, { twoFactor });
  }

  async updateRole(userId: string, role: Role) {
    this.patch(userId, { role });
  }

  async claimTotpStep(userId: string, step: number) {
    const row = this.rows.get(userId);
    if (!row || (row.totpLastStep !== null && row.totpLastStep >= step)) return false;
    this.patch(userId, { totpLastStep: step });
    return true;
  }

  private patch(userId: string, change: Partial<User & { totpLastStep: number | null }>) {
    const row = this.rows.get(userId);
    if (row) this.rows.set(userId, { ...row, ...change });
  }
}

/** As the store orders them: registration time, then id, newest first. */
function newestFirst(a: UserCursor, b: UserCursor): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

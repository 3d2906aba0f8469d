import type { AuditLog } from "../ports/audit-log.ts";
import type { UserRepository } from "../ports/user.repository.ts";
import type {
  RefreshTokenRecord,
  SessionFamily,
  SessionOpening,
  SessionRepository,
} from "../ports/session.repository.ts";

export class InMemorySessions implements SessionRepository {
  readonly families = new Map<string, SessionFamily>();
  readonly tokens = new Map<string, RefreshTokenRecord>();

  /** `users` answers findFamilyWithUser and `audit` receives openFamily's events; the test kit passes its own. */
  constructor(
    private readonly users?: Pick<UserRepository, "findById">,
    private readonly audit?: Pick<AuditLog, "record">,
  ) {}

  async openFamily({ family, firstToken, event }: SessionOpening) {
    this.families.set(family.id, { ...family, revokedAt: null, secondFactorAt: null });
    await this.addRefreshToken({ ...firstToken, familyId: family.id, userId: family.userId });
    await this.audit?.record(event);
  }

  async findFamily(id: string) {
    return this.families.get(id) ?? null;
  }

  async findFamilyWithUser(id: string) {
    const family = this.families.get(id);
    if (!family) return null;
    return { family, user: (await this.users?.findById(family.userId)) ?? null };
  }

  async addRefreshToken(token: { tokenHash: string; familyId: string; userId: string; expiresAt: Date }) {
    const { tokenHash, familyId, userId, expiresAt } = token;
    if (this.tokens.has(tokenHash)) return;
    this.tokens.set(tokenHash, { tokenHash, familyId, userId, expiresAt, usedAt: null });
  }

  async useRefreshToken(tokenHash: string, at: Date) {
    const token = this.tokens.get(tokenHash);
    if (!token || token.usedAt) return null;
    const used = { ...token, usedAt: at };
    this.tokens.set(tokenHash, used);
    return used;
  }

  async findRefreshToken(tokenHash: string) {
    return this.tokens.get(tokenHash) ?? null;
  }

  async markSecondFactor(familyId: string, at: Date) {
    const family = this.families.get(familyId);
    if (!family || family.revokedAt) return false;
    this.families.set(familyId, { ...family, secondFactorAt: at });
    return true;
  }

  async revokeFamily(familyId: string, at: Date) {
    const family = this.families.get(familyId);
    if (family && !family.revokedAt) this.families.set(familyId, { ...family, revokedAt: at });
  }

  async revokeAllForUser(userId: string, at: Date) {
    for (const family of this.families.values())
      if (family.userId === userId) await this.revokeFamily(family.id, at);
  }
}

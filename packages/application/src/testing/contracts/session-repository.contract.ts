import type { AuditEvent } from "@peykarband/domain";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SessionRepository } from "../../ports/session.repository.ts";
import type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";

export interface SessionRepositoryFixture extends ContractFixture {
  readonly sessions: SessionRepository;
}

const OPENED = new Date("2026-03-21T08:00:00.000Z");

/**
 * What the account use cases rely on from a SessionRepository: a refresh token is used once
 * (exactly one of concurrent uses wins), adding a token twice changes nothing, revocation keeps
 * its first moment and reaches only the user's own families, and unknown keys answer null.
 * Call it inside a `describe`; it opens the store before the first test and closes it after the last.
 */
export function sessionRepositoryContract(open: OpenContractFixture<SessionRepositoryFixture>): void {
  let fixture: SessionRepositoryFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(() => fixture?.close?.());

  const signedIn = (userId: string): AuditEvent => ({
    id: fixture.newId(),
    action: "LOGIN_SUCCEEDED",
    actorId: userId,
    subjectId: userId,
    ip: "198.51.100.7",
    userAgent: "contract",
    requestId: "req-contract",
    details: { method: "password" },
    occurredAt: OPENED,
  });

  async function aSession(userId?: string) {
    const owner = userId ?? (await fixture.newUser());
    const family = {
      id: fixture.newId(),
      userId: owner,
      createdAt: OPENED,
      expiresAt: new Date("2026-06-19T08:00:00.000Z"),
    };
    const firstToken = {
      tokenHash: `hash-${fixture.newId()}`,
      issuedAt: OPENED,
      expiresAt: new Date("2026-04-20T08:00:00.000Z"),
    };
    await fixture.sessions.openFamily({ family, firstToken, event: signedIn(owner) });
    return { userId: owner, family, firstToken };
  }

  it("opens a family with its first refresh token, unused and not revoked", async () => {
    const { userId, family, firstToken } = await aSession();
    expect(await fixture.sessions.findFamily(family.id)).toEqual({
      ...family,
      revokedAt: null,
      secondFactorAt: null,
    });
    expect(await fixture.sessions.findRefreshToken(firstToken.tokenHash)).toEqual({
      tokenHash: firstToken.tokenHash,
      familyId: family.id,
      userId,
      expiresAt: firstToken.expiresAt,
      usedAt: null,
    });
  });

  it("reads a family together with its user", async () => {
    const { userId, family } = await aSession();
    const found = await fixture.sessions.findFamilyWithUser(family.id);
    expect(found?.family).toEqual({ ...family, revokedAt: null, secondFactorAt: null });
    expect(found?.user?.id).toBe(userId);
  });

  it("answers null for an unknown family or token", async () => {
    const unknown = fixture.newId();
    expect(await fixture.sessions.findFamily(unknown)).toBeNull();
    expect(await fixture.sessions.findFamilyWithUser(unknown)).toBeNull();
    expect(await fixture.sessions.findRefreshToken(`hash-${unknown}`)).toBeNull();
    expect(await fixture.sessions.useRefreshToken(`hash-${unknown}`, OPENED)).toBeNull();
  });

  it("uses a refresh token once: the second use answers null and keeps the first moment", async () => {
    const { firstToken } = await aSession();
    const first = new Date("2026-03-21T08:10:00.000Z");
    expect((await fixture.sessions.useRefreshToken(firstToken.tokenHash, first))?.usedAt).toEqual(first);
    expect(
      await fixture.sessions.useRefreshToken(firstToken.tokenHash, new Date("2026-03-21T08:11:00.000Z")),
    ).toBeNull();
    expect((await fixture.sessions.findRefreshToken(firstToken.tokenHash))?.usedAt).toEqual(first);
  });

  it("lets exactly one of concurrent uses of a token win", async () => {
    const { firstToken } = await aSession();
    const uses = await Promise.all(
      Array.from({ length: 20 }, () => fixture.sessions.useRefreshToken(firstToken.tokenHash, OPENED)),
    );
    expect(uses.filter((use) => use !== null)).toHaveLength(1);
  });

  it("adds a successor token once; adding it again leaves its use untouched", async () => {
    const { userId, family } = await aSession();
    const successor = {
      tokenHash: `hash-${fixture.newId()}`,
      familyId: family.id,
      userId,
      issuedAt: OPENED,
      expiresAt: new Date("2026-04-20T08:00:00.000Z"),
    };
    await fixture.sessions.addRefreshToken(successor);
    const used = new Date("2026-03-21T08:20:00.000Z");
    await fixture.sessions.useRefreshToken(successor.tokenHash, used);
    await fixture.sessions.addRefreshToken(successor);
    expect(await fixture.sessions.findRefreshToken(successor.tokenHash)).toEqual({
      tokenHash: successor.tokenHash,
      familyId: family.id,
      userId,
      expiresAt: successor.expiresAt,
      usedAt: used,
    });
  });

  it("revokes a family once: revoking again keeps the first moment", async () => {
    const { family } = await aSession();
    const first = new Date("2026-03-22T08:00:00.000Z");
    await fixture.sessions.revokeFamily(family.id, first);
    await fixture.sessions.revokeFamily(family.id, new Date("2026-03-23T08:00:00.000Z"));
    expect((await fixture.sessions.findFamily(family.id))?.revokedAt).toEqual(first);
  });

  it("marks a family's second factor, again later, but never a revoked or unknown family's", async () => {
    const { family } = await aSession();
    const first = new Date("2026-03-22T08:00:00.000Z");
    const later = new Date("2026-03-22T08:07:00.000Z");
    expect(await fixture.sessions.markSecondFactor(family.id, first)).toBe(true);
    expect((await fixture.sessions.findFamily(family.id))?.secondFactorAt).toEqual(first);
    expect(await fixture.sessions.markSecondFactor(family.id, later)).toBe(true);
    expect((await fixture.sessions.findFamily(family.id))?.secondFactorAt).toEqual(later);
    await fixture.sessions.revokeFamily(family.id, later);
    expect(await fixture.sessions.markSecondFactor(family.id, new Date("2026-03-22T08:09:00.000Z"))).toBe(
      false,
    );
    expect((await fixture.sessions.findFamily(family.id))?.secondFactorAt).toEqual(later);
    expect(await fixture.sessions.markSecondFactor(fixture.newId(), first)).toBe(false);
  });

  it("revokes every family of one user and no one else's", async () => {
    const mine = await aSession();
    const alsoMine = await aSession(mine.userId);
    const theirs = await aSession();
    const at = new Date("2026-03-22T09:00:00.000Z");
    await fixture.sessions.revokeAllForUser(mine.userId, at);
    expect((await fixture.sessions.findFamily(mine.family.id))?.revokedAt).toEqual(at);
    expect((await fixture.sessions.findFamily(alsoMine.family.id))?.revokedAt).toEqual(at);
    expect((await fixture.sessions.findFamily(theirs.family.id))?.revokedAt).toBeNull();
  });
}

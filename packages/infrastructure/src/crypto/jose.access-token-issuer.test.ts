import { createHmac, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { FixedClock } from "../testing/fixed-clock.ts";
import { JoseAccessTokenIssuer } from "./jose.access-token-issuer.ts";

const key = (kid: string) => ({ kid, secret: new Uint8Array(randomBytes(32)) });
const claims = {
  userId: "0195b0a4-0000-7000-8000-000000000001",
  role: "CUSTOMER",
  sessionId: "s-1",
} as const;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("JoseAccessTokenIssuer", () => {
  const current = key("k2");
  const previous = key("k1");
  let clock: FixedClock;
  let issuer: JoseAccessTokenIssuer;
  const make = (keys = [current, previous], overrides: { issuer?: string; audience?: string } = {}) =>
    new JoseAccessTokenIssuer({
      keys,
      issuer: overrides.issuer ?? "peykarband",
      audience: overrides.audience ?? "peykarband:api",
      ttlSeconds: 900,
      clock,
    });

  beforeEach(() => {
    clock = new FixedClock();
    issuer = make();
  });

  it("issues a token that verifies to the same claims, signed with the first key", async () => {
    const { token, expiresAt } = await issuer.issue(claims);
    expect(await issuer.verify(token)).toEqual(claims);
    expect(expiresAt.getTime() - clock.now().getTime()).toBe(900_000);
    const [header] = token.split(".");
    expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toMatchObject({
      alg: "HS256",
      kid: "k2",
    });
  });

  it("signs exactly the bytes jose's SignJWT would, and jose verifies them on its own", async () => {
    const { token } = await issuer.issue(claims);
    const seconds = Math.floor(clock.now().getTime() / 1000);
    const byJose = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: "HS256", kid: "k2", typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer("peykarband")
      .setAudience("peykarband:api")
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 900)
      .sign(current.secret);
    expect(token).toBe(byJose);
    const { payload } = await jwtVerify(token, current.secret, {
      algorithms: ["HS256"],
      issuer: "peykarband",
      audience: "peykarband:api",
      currentDate: clock.now(),
    });
    expect(payload).toMatchObject({ sub: claims.userId, role: "CUSTOMER", sid: "s-1", exp: seconds + 900 });
  });

  it("still verifies tokens signed with an older key that is listed", async () => {
    const { token } = await make([previous]).issue(claims);
    expect(await issuer.verify(token)).toEqual(claims);
  });

  it("rejects a token whose key id is unknown", async () => {
    const { token } = await make([key("k9")]).issue(claims);
    expect(await issuer.verify(token)).toBeNull();
  });

  it("rejects a forged signature (same kid, another secret)", async () => {
    const { token } = await make([{ kid: "k2", secret: new Uint8Array(randomBytes(32)) }]).issue(claims);
    expect(await issuer.verify(token)).toBeNull();
  });

  it("rejects an expired token", async () => {
    const { token } = await issuer.issue(claims);
    clock.advance(901);
    expect(await issuer.verify(token)).toBeNull();
  });

  it("rejects a tampered payload", async () => {
    const { token } = await issuer.issue(claims);
    const [header, payload, signature] = token.split(".");
    const altered = { ...JSON.parse(Buffer.from(payload!, "base64url").toString()), role: "ADMIN" };
    expect(await issuer.verify(`${header}.${b64(altered)}.${signature}`)).toBeNull();
  });

  it('rejects an unsigned token ("alg": "none") built by hand', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const payload = {
      sub: claims.userId,
      role: "ADMIN",
      sid: "s-1",
      iss: "peykarband",
      aud: "peykarband:api",
    };
    const unsigned = `${b64({ alg: "none", typ: "JWT", kid: "k2" })}.${b64({ ...payload, iat: now, exp: now + 60 })}.`;
    expect(await issuer.verify(unsigned)).toBeNull();
  });

  it("rejects HS512 even with the right key", async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const body = { sub: claims.userId, role: "ADMIN", sid: "s-1", iss: "peykarband", aud: "peykarband:api" };
    const input = `${b64({ alg: "HS512", kid: "k2" })}.${b64({ ...body, iat: now, exp: now + 60 })}`;
    const signature = createHmac("sha512", current.secret).update(input).digest("base64url");
    expect(await issuer.verify(`${input}.${signature}`)).toBeNull();
  });

  it("rejects another issuer's or audience's token", async () => {
    expect(await issuer.verify((await make(undefined, { issuer: "other" }).issue(claims)).token)).toBeNull();
    expect(
      await issuer.verify((await make(undefined, { audience: "other" }).issue(claims)).token),
    ).toBeNull();
  });

  it("returns null for malformed input instead of throwing", async () => {
    for (const junk of ["", "abc", "a.b.c", "....", `${b64({ alg: "HS256" })}.e30.`]) {
      expect(await issuer.verify(junk)).toBeNull();
    }
  });

  it("refuses a lifetime over 15 minutes", () => {
    expect(
      () =>
        new JoseAccessTokenIssuer({ keys: [current], issuer: "i", audience: "a", ttlSeconds: 901, clock }),
    ).toThrow(/1\.\.900/);
  });
});

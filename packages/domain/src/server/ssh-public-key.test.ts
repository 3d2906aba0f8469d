import { describe, expect, it } from "vitest";
import { decodeBase64, parseSshKeyName, parseSshPublicKey } from "./ssh-public-key.ts";

// Made with ssh-keygen for this test; the private halves were thrown away.
const KEYS = {
  ed25519: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINsQ+vtRUKR5BHC3U64LSj0xypwNP5ONqRrKGcpyIBSI",
  rsa2048:
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDYT5IG0RAhRH/5vvaACBLBMzbn4XpYwUHL30mlL+dgYl+aqLCt/9ZNx9gOZ6hLshGCl6vi+N3IY783Xi0haoc8MhazAtltF2z1GtcAKwaKJpXCbPmBMNipYSDIrmp+vLOC2wzjBMztw89cTK2Am3QKIL0B+Y9o4VuLW/0EdKXPC/yvfofDX2eCQvPSuaUgjERntXfMEtI380Bk5Ghqf/7aYM8cZXF22nBt5ygwAPHfTYYRQpwAN6YWL96jp0nZf/jDP8cztI9xpmfe+ucti6u1+1kiWm+151YKB4WKEolLkGea3btYdfZWQC8V4zjIHHshK6l+VWjZcaI9XwQS4vFB",
  rsa1024:
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDWLLv8Leh3NbqvCUSdEhzQo809AuOCwHjnhedQPguLsp6qqobLeDvRX3C5ceqIEanFdKAcL5d0TT8ypGnPYjSSiOvtdo7pg2O93IXkocdkcD61lTF8kBprZntcJDzR9O8S3jfLgQSLqmauh4dhq6YavgEyjwJ3wj9xYUNjgWu2Iw==",
  nistp256:
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBDDjThXGZqIvkqu8CPIV9wOEbpJlRg4nbUS976lb0z0hzIZlh1gMTHjFi0DmCtZNLt689ZHLiV57fntfXgAUrrI=",
  nistp384:
    "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBDqo7+H2MCMqB2EsW01VLoOgJwGBdoCW52CDBfjaG5C8/kqMFWdN5JMKPe8MA4sbfl7BDt4HV62ooSicxRQ5uqvUB6v9PFoZYVEZFSE2faKxhvLLwSW0MQcYWl2mw6Y56A==",
  nistp521:
    "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABNEIURn+BysBTaFKNKJzPVuPFcEL7B971HHZsIKfPsD9UD1tfcLBgR3XgOrXkkWqTYEA2xGuTji0+ml8G8fRRFgAD0HVWRxtfIeTznhwq7D2iwEHb7NQ0ALGEPUWgZhSbiFpPM10LP0NcKWh1P/VIvu1jTkTnxeLL992QMOj65EIPr0w==",
};

describe("parseSshPublicKey", () => {
  it.each(["ed25519", "rsa2048", "nistp256", "nistp384", "nistp521"] as const)(
    "reads a %s key and drops its comment",
    (kind) => {
      const parsed = parseSshPublicKey(`  ${KEYS[kind]}   reza@laptop with spaces  \n`);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.line).toBe(KEYS[kind]);
      expect(parsed.value.type).toBe(KEYS[kind].split(" ")[0]);
      const base64 = KEYS[kind].split(" ")[1]!;
      expect(Buffer.from(parsed.value.blob).toString("base64")).toBe(base64);
    },
  );

  it("refuses a blob whose embedded type is not the one the line names", () => {
    const blob = KEYS.ed25519.split(" ")[1];
    expect(parseSshPublicKey(`ssh-rsa ${blob}`)).toMatchObject({
      ok: false,
      error: { code: "INVALID_PUBLIC_KEY", field: ["publicKey"] },
    });
    const p384 = KEYS.nistp384.split(" ")[1];
    expect(parseSshPublicKey(`ecdsa-sha2-nistp256 ${p384}`)).toMatchObject({ ok: false });
  });

  it("refuses unknown types, broken base64, truncated blobs, weak RSA and private keys", () => {
    const blob = KEYS.ed25519.split(" ")[1]!;
    for (const bad of [
      "",
      "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
      `ssh-ed25519 ${blob.slice(0, -4)}`,
      `ssh-ed25519 ${blob.slice(0, 20)}`,
      "ssh-ed25519 not!base64",
      "ssh-ed25519",
      KEYS.rsa1024,
      "-----BEGIN OPENSSH PRIVATE KEY-----",
      `ssh-ed25519 ${Buffer.from("\u0000\u0000\u0000\u000bssh-ed25519\u0000\u0000\u0000\u0001x").toString("base64")}`,
    ]) {
      expect(parseSshPublicKey(bad), bad).toMatchObject({ ok: false, error: { code: "INVALID_PUBLIC_KEY" } });
    }
  });
});

describe("decodeBase64", () => {
  it("matches Buffer on every padding length and refuses malformed text", () => {
    for (const text of ["f", "fo", "foo", "foob", "fooba", "foobar"]) {
      const encoded = Buffer.from(text).toString("base64");
      expect(Buffer.from(decodeBase64(encoded)!).toString()).toBe(text);
    }
    for (const bad of ["", "abc", "ab=c", "a===", "ab c"]) expect(decodeBase64(bad)).toBeNull();
  });
});

describe("parseSshKeyName", () => {
  it("trims and bounds the label", () => {
    expect(parseSshKeyName("  laptop ")).toEqual({ ok: true, value: "laptop" });
    for (const bad of ["", "   ", "x".repeat(101), "a\nb"]) {
      expect(parseSshKeyName(bad)).toMatchObject({ ok: false, error: { code: "INVALID_NAME" } });
    }
  });
});

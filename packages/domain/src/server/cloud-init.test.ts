import { describe, expect, it } from "vitest";
import { cloudInitUserData } from "./cloud-init.ts";

describe("cloudInitUserData", () => {
  it("writes the hostname and keys as quoted YAML scalars", () => {
    const text = cloudInitUserData({
      hostname: "web-1",
      sshAuthorizedKeys: ["ssh-ed25519 AAAA", "ssh-rsa BBBB"],
    });
    expect(text).toBe(
      [
        "#cloud-config",
        'hostname: "web-1"',
        'fqdn: "web-1"',
        "preserve_hostname: false",
        "ssh_authorized_keys:",
        '  - "ssh-ed25519 AAAA"',
        '  - "ssh-rsa BBBB"',
        "",
      ].join("\n"),
    );
  });

  it("keeps hostile text on its own line", () => {
    const text = cloudInitUserData({ hostname: "web", sshAuthorizedKeys: ['x"\nruncmd: [rm -rf /]'] });
    expect(text.split("\n")).not.toContain("runcmd: [rm -rf /]");
    expect(text).toContain('  - "x\\"\\nruncmd: [rm -rf /]"');
  });

  it("leaves the key list out when there are none", () => {
    expect(cloudInitUserData({ hostname: "a", sshAuthorizedKeys: [] })).not.toContain("ssh_authorized_keys");
  });
});

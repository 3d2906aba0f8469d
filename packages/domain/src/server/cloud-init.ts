/**
 * The cloud-init user data every provider gets at create: the customer's hostname and SSH keys
 * travel here rather than as provider-side objects, so one code path serves all three clouds and
 * nothing of the customer's lingers at a provider after the server is gone.
 *
 * Values are written as JSON strings, which are YAML double-quoted scalars: a key comment or a
 * name can never break out of its line, whatever characters it holds.
 */
export function cloudInitUserData(input: {
  readonly hostname: string;
  readonly sshAuthorizedKeys: readonly string[];
}): string {
  const lines = [
    "#cloud-config",
    `hostname: ${JSON.stringify(input.hostname)}`,
    `fqdn: ${JSON.stringify(input.hostname)}`,
    "preserve_hostname: false",
  ];
  if (input.sshAuthorizedKeys.length > 0) {
    lines.push("ssh_authorized_keys:");
    for (const key of input.sshAuthorizedKeys) lines.push(`  - ${JSON.stringify(key)}`);
  }
  return `${lines.join("\n")}\n`;
}

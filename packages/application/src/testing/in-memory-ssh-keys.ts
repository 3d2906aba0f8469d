import type { SshKey } from "@peykarband/domain";
import type { AddSshKeyOutcome, SshKeyRepository } from "../ports/ssh-key.repository.ts";

export class InMemorySshKeys implements SshKeyRepository {
  readonly keys: SshKey[] = [];

  async add(key: SshKey): Promise<AddSshKeyOutcome> {
    const earlier = this.keys.find((k) => k.userId === key.userId && k.fingerprint === key.fingerprint);
    if (earlier) return { status: "DUPLICATE", key: earlier };
    this.keys.push(key);
    return { status: "ADDED", key };
  }

  async listByUser(userId: string) {
    return this.keys.filter((k) => k.userId === userId);
  }

  async findByIds(userId: string, ids: readonly string[]) {
    return this.keys.filter((k) => k.userId === userId && ids.includes(k.id));
  }

  async delete(userId: string, id: string) {
    const index = this.keys.findIndex((k) => k.userId === userId && k.id === id);
    if (index < 0) return false;
    this.keys.splice(index, 1);
    return true;
  }
}

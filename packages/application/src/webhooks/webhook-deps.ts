import type { AuditLog } from "../ports/audit-log.ts";
import type { SecretBox } from "../ports/secret-box.ts";
import type { Clock, IdGenerator, RandomSource } from "../ports/system.ts";
import type { WebhookSender, WebhookSigner } from "../ports/webhook-sender.ts";
import type { WebhookRepository } from "../ports/webhook.repository.ts";

/** The ports the webhook use cases need. */
export interface WebhookDeps {
  readonly webhooks: WebhookRepository;
  readonly sender: WebhookSender;
  readonly signer: WebhookSigner;
  /** Seals the signing secrets: they must be read back to sign, so they cannot be hashed. */
  readonly secretBox: SecretBox;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  /** Seconds between attempts; the domain's schedule unless a test compresses it. */
  readonly retryDelaysSeconds?: readonly number[];
}

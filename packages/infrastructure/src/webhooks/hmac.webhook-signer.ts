import type { WebhookSigner } from "@peykarband/application";
import { createHmac } from "node:crypto";

export class HmacWebhookSigner implements WebhookSigner {
  hmacSha256Hex(secret: string, message: string): string {
    return createHmac("sha256", secret).update(message, "utf8").digest("hex");
  }
}

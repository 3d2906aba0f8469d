const REDACTED = "[REDACTED]";
const MAX_MESSAGE_LENGTH = 300;

/**
 * A failure message fit for logs: prefixed with the remote service's name, every credential
 * blanked, bounded in length. Shared by the payment gateway and cloud clients.
 */
export function safeFailureMessage(label: string, detail: string, secrets: readonly string[]): string {
  let message = `${label} ${detail}`;
  for (const secret of secrets) message = message.replaceAll(secret, REDACTED);
  return message.slice(0, MAX_MESSAGE_LENGTH);
}

/** The parsed body; undefined when it is empty or not JSON (the adapter then reads no answer). */
export function parseJsonBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { channel } from "node:diagnostics_channel";

/** One attempt of a call to a cloud provider or payment gateway. */
export interface OutboundCall {
  /** The remote service, lower case: `digitalocean`, `hetzner`, `ovh`, `zarinpal`, `idpay`, `kavenegar`. */
  readonly service: string;
  readonly method: string;
  /** The HTTP status; null when no answer came (timeout, refused connection). */
  readonly status: number | null;
  readonly durationSeconds: number;
}

/** A payment that left PENDING (or a late payment that became PAID), once, after its commit. */
export interface PaymentSettled {
  readonly gateway: string;
  readonly status: string;
}

/** A server that left PROVISIONING (for ACTIVE, FAILED or DELETING), once, after its commit. */
export interface ProvisioningFinished {
  readonly cloud: string;
  readonly status: string;
  /** From the order to the change. */
  readonly durationSeconds: number;
}

export interface Observations {
  readonly outboundCall: OutboundCall;
  readonly paymentSettled: PaymentSettled;
  readonly provisioningFinished: ProvisioningFinished;
}

/**
 * Adapters report what they did here; the composition root decides who listens (metrics). Node's
 * diagnostics channels cost one boolean check while nobody subscribes, so the adapters need no
 * metrics library and no wiring of their own.
 */
const channels: { readonly [K in keyof Observations]: ReturnType<typeof channel> } = {
  outboundCall: channel("peykarband:outbound-call"),
  paymentSettled: channel("peykarband:payment-settled"),
  provisioningFinished: channel("peykarband:provisioning-finished"),
};

export function report<K extends keyof Observations>(kind: K, observation: Observations[K]): void {
  const target = channels[kind];
  if (target.hasSubscribers) target.publish(observation);
}

/** Calls `listener` for every observation of `kind` in this process until the returned function is called. */
export function observe<K extends keyof Observations>(
  kind: K,
  listener: (observation: Observations[K]) => void,
): () => void {
  const onMessage = (message: unknown) => listener(message as Observations[K]);
  channels[kind].subscribe(onMessage);
  return () => {
    channels[kind].unsubscribe(onMessage);
  };
}

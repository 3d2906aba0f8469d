import {
  createWalletUseCases,
  defaultWalletPolicy,
  type PaymentGateways,
  type StepUp,
  type WalletPolicy,
  type WalletUseCases,
} from "@peykarband/application";
import { Rial, type PaymentGatewayName } from "@peykarband/domain";
import {
  createPaymentGateways,
  DrizzlePaymentRepository,
  DrizzleWalletLedger,
  type Config,
  type Database,
  type PaymentGatewayOverrides,
  type TransactionalJobSender,
} from "@peykarband/infrastructure";
import { composeAccounts, type AccountAdapters } from "./compose-accounts.ts";
import type { PaymentSimulators } from "@peykarband/simulators";
import { PAYMENT_PATHS } from "../payments/payment-callback.routes.ts";

export interface WalletOverrides {
  /** Simulators the caller started and will close (tests set faults on them); sandbox mode only. */
  readonly paymentSimulators?: PaymentSimulators;
  /** Shorter deadlines and fewer retries for tests. */
  readonly paymentGatewayTiming?: PaymentGatewayOverrides["timing"];
  readonly walletPolicy?: Partial<Omit<WalletPolicy, "callbackUrls">>;
}

export interface WalletComposition {
  readonly useCases: WalletUseCases;
  /** Where the callback routes send the browser: a path when it is our own result page. */
  readonly resultUrl: string;
  /** Closes the simulators this composition started. */
  close(): Promise<void>;
}

/**
 * The wallet's adapters: the ledger and payments on the app's database, the gateway adapters, and
 * in sandbox mode the in-process simulators standing in for any gateway not configured, so that a
 * person on the embedded default can top up in a browser and no money reaches a real gateway.
 */
export async function composeWallet(
  config: Config,
  database: Database,
  accounts: AccountAdapters & {
    /** The app's own, so that its account policy applies; the default policy's otherwise. */
    readonly stepUp?: StepUp;
  },
  /** The job queue: a paid top-up's PAYMENT_SUCCEEDED webhook jobs are written with its credit. */
  jobs: TransactionalJobSender,
  overrides: WalletOverrides = {},
  /** Where the payment gateways send the browser back to us: PUBLIC_URL unless the app was bound elsewhere. */
  publicUrl: string = config.publicUrl,
): Promise<WalletComposition> {
  const simulateZarinpal = config.sandbox && config.zarinpalBaseUrl === null;
  const simulateIdpay = config.sandbox && config.idpayBaseUrl === null;
  const needsSimulators = simulateZarinpal || simulateIdpay;
  const ownsSimulators = needsSimulators && overrides.paymentSimulators === undefined;
  const simulators = needsSimulators
    ? (overrides.paymentSimulators ??
      (await import("@peykarband/simulators").then((simulators) => simulators.startPaymentSimulators())))
    : null;

  const gatewayOverrides: PaymentGatewayOverrides = {
    ...(overrides.paymentGatewayTiming ? { timing: overrides.paymentGatewayTiming } : {}),
    ...(simulators && simulateZarinpal
      ? { zarinpalBaseUrl: simulators.zarinpal.url, zarinpalMerchantId: simulators.zarinpal.merchantId }
      : {}),
    ...(simulators && simulateIdpay
      ? { idpayBaseUrl: simulators.idpay.url, idpayApiKey: simulators.idpay.apiKey }
      : {}),
  };
  const gateways: PaymentGateways = createPaymentGateways(config, gatewayOverrides);

  const callbackUrls: Record<PaymentGatewayName, string> = {
    ZARINPAL: `${publicUrl}${PAYMENT_PATHS.zarinpalCallback}`,
    IDPAY: `${publicUrl}${PAYMENT_PATHS.idpayCallback}`,
  };
  const policy: WalletPolicy = {
    ...defaultWalletPolicy,
    topUpCeiling: Rial.of(config.topUpCeilingRials),
    topUpStartsPerWindow: config.topUpStarts.perWindow,
    topUpStartWindowSeconds: config.topUpStarts.windowSeconds,
    ...overrides.walletPolicy,
    callbackUrls,
  };
  const useCases = createWalletUseCases({
    ledger: DrizzleWalletLedger.on(database),
    payments: new DrizzlePaymentRepository(database.db, jobs),
    gateways,
    users: accounts.users,
    audit: accounts.audit,
    throttle: accounts.throttle,
    clock: accounts.clock,
    ids: accounts.ids,
    policy,
    stepUp: accounts.stepUp ?? composeAccounts(accounts, config).stepUp,
  });

  const ownResultPage = config.paymentResultUrl === `${config.publicUrl}${PAYMENT_PATHS.result}`;
  return {
    useCases,
    resultUrl: ownResultPage ? PAYMENT_PATHS.result : config.paymentResultUrl,
    async close() {
      if (ownsSimulators) await simulators?.close();
    },
  };
}

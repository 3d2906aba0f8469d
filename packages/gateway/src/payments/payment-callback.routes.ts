import type { HandlePaymentCallbackInput, RequestContext, WalletUseCases } from "@peykarband/application";
import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "../logging/logger.ts";
import { toGlobalId } from "../schema/node/global-id.ts";
import { renderPaymentResultPage, type ResultStatus } from "./payment-result.page.ts";

/** Where the routes are mounted: GraphQL requests never enter their router. */
export const PAYMENT_ROUTES_PREFIX = "/payments";

const ROUTES = {
  zarinpalCallback: "/zarinpal/callback",
  idpayCallback: "/idpay/callback",
  result: "/result",
} as const;

export const PAYMENT_PATHS = {
  zarinpalCallback: `${PAYMENT_ROUTES_PREFIX}${ROUTES.zarinpalCallback}`,
  idpayCallback: `${PAYMENT_ROUTES_PREFIX}${ROUTES.idpayCallback}`,
  result: `${PAYMENT_ROUTES_PREFIX}${ROUTES.result}`,
} as const;

/** IDPay's form has six fields (eight when paid); anything much larger is not IDPay. */
const CALLBACK_BODY_LIMIT = "8kb";

export interface PaymentRoutesOptions {
  readonly handlePaymentCallback: WalletUseCases["handlePaymentCallback"];
  /** Where the browser ends: PAYMENT_RESULT_URL, or our own page when it is a path. */
  readonly resultUrl: string;
  readonly logger: Logger;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

const zarinpalClaims = (query: Request["query"]): HandlePaymentCallbackInput => ({
  gateway: "ZARINPAL",
  authority: text(query["Authority"]) ?? "",
  status: text(query["Status"]) === "OK" ? "OK" : "CANCELLED",
});

/** IDPay statuses: 10 paid (100, 101 once verified), 7 cancelled by the payer; the rest failed. */
function idpayClaims(fields: Record<string, unknown>): HandlePaymentCallbackInput {
  const status = text(fields["status"]);
  return {
    gateway: "IDPAY",
    authority: text(fields["id"]) ?? "",
    status:
      status === "10" || status === "100" || status === "101"
        ? "OK"
        : status === "7"
          ? "CANCELLED"
          : "FAILED",
    amount: text(fields["amount"]),
    orderId: text(fields["order_id"]),
  };
}

/**
 * The gateways send the payer's browser back here. Nothing in the request is trusted: the use case
 * verifies server to server. Whatever happens (a forgery, a replay, our own fault) the browser
 * gets a 303 to the result page with the outcome and the payment's opaque id, never an error page
 * and never a gateway secret. A forged or tampered callback learns nothing but FAILED.
 */
export function paymentRoutes(options: PaymentRoutesOptions): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: CALLBACK_BODY_LIMIT, parameterLimit: 20 });

  const settle = async (req: Request, res: Response, claims: HandlePaymentCallbackInput) => {
    const ctx: RequestContext = {
      requestId: res.locals["requestId"] as string,
      ip: req.ip ?? null,
      userAgent: text(req.headers["user-agent"])?.slice(0, 512) ?? null,
      viewer: null,
    };
    let status: ResultStatus;
    let paymentId: string | null = null;
    try {
      const result = await options.handlePaymentCallback(claims, ctx);
      if (result.ok) {
        status = "PAID";
        paymentId = result.value.payment.id;
      } else {
        status = resultStatusOf(result.error.code, claims.status);
        if (result.error.code === "PAYMENT_NOT_FOUND" || result.error.code === "CALLBACK_MISMATCH") {
          options.logger.warn("payment callback refused", {
            requestId: ctx.requestId,
            gateway: claims.gateway,
            refusal: result.error.code,
          });
        }
      }
    } catch (error) {
      // The payment stays PENDING and reconciliation settles it; the payer must not see a 500.
      options.logger.error("payment callback failed", {
        requestId: ctx.requestId,
        gateway: claims.gateway,
        error: error instanceof Error ? error.stack : String(error),
      });
      status = "PENDING";
    }
    res.setHeader("cache-control", "no-store");
    res.redirect(303, resultLocation(options.resultUrl, status, paymentId));
  };

  router.get(ROUTES.zarinpalCallback, (req, res) => settle(req, res, zarinpalClaims(req.query)));
  router.post(ROUTES.idpayCallback, form, (req, res) =>
    settle(req, res, idpayClaims((req.body ?? {}) as Record<string, unknown>)),
  );
  // IDPay's panel can send the payer back with GET and the fields in the query string instead.
  router.get(ROUTES.idpayCallback, (req, res) => settle(req, res, idpayClaims(req.query)));

  router.get(ROUTES.result, (req, res) => {
    res
      .status(200)
      .setHeader("cache-control", "no-store")
      .setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
      .setHeader("referrer-policy", "no-referrer")
      .type("html")
      .send(renderPaymentResultPage({ status: req.query["status"], payment: req.query["payment"] }));
  });
  return router;
}

function resultStatusOf(
  code:
    | "PAYMENT_NOT_FOUND"
    | "CALLBACK_MISMATCH"
    | "PAYMENT_NOT_PAID"
    | "PAYMENT_NOT_PAID_YET"
    | "AMOUNT_MISMATCH"
    | "VERIFICATION_PENDING",
  claimed: HandlePaymentCallbackInput["status"],
): ResultStatus {
  switch (code) {
    case "VERIFICATION_PENDING":
      return "PENDING";
    // Not paid yet: the payment stays open for a payer who still pays, but this browser (a
    // cancelling payer, or a callback sent before paying) is told it did not go through.
    case "PAYMENT_NOT_PAID":
    case "PAYMENT_NOT_PAID_YET":
      return claimed === "CANCELLED" ? "CANCELLED" : "FAILED";
    default:
      return "FAILED";
  }
}

/** The result URL with our two parameters; a relative one (our own page) stays relative. */
function resultLocation(resultUrl: string, status: ResultStatus, paymentId: string | null): string {
  const base = "http://relative.invalid";
  const url = new URL(resultUrl, base);
  url.searchParams.set("status", status);
  if (paymentId) url.searchParams.set("payment", toGlobalId("Payment", paymentId));
  else url.searchParams.delete("payment");
  return url.origin === base ? `${url.pathname}${url.search}` : url.href;
}

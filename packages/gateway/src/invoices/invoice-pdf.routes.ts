import type { InvoicePdfTarget, RequestContext, Viewer } from "@peykarband/application";
import express, { type Request, type Response, type Router } from "express";
import { resolveViewer } from "../context/create-graphql-context.ts";
import type { GraphQLUseCases } from "../context/graphql-context.ts";
import { sendJsonError } from "../http/json-errors.ts";
import type { Logger } from "../logging/logger.ts";
import { keyOf } from "../schema/node/global-id.ts";

export { INVOICE_PDF_PREFIX } from "./invoice-pdf-url.ts";

export interface InvoicePdfRoutesOptions {
  readonly useCases: Pick<GraphQLUseCases, "accounts" | "invoices">;
  readonly logger: Logger;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * GET /invoices/<Invoice id>.pdf and /invoices/upcoming/<User id>.pdf: the invoice's PDF for its
 * owner, SUPPORT and ADMIN. Authority is either the signed link from `Invoice.pdfUrl` (the viewer
 * it was minted for, until it expires) or an `Authorization: Bearer` access token. Anyone else gets
 * 404, as if the invoice did not exist.
 */
export function invoicePdfRoutes(options: InvoicePdfRoutesOptions): Router {
  const router = express.Router();
  const serve = (target: InvoicePdfTarget | null) => async (req: Request, res: Response) => {
    const requestId = res.locals["requestId"] as string;
    if (!target) return sendJsonError(res, 404, "NOT_FOUND", "No such invoice.");
    let viewer: Viewer | null;
    if (req.query["signature"] !== undefined) {
      viewer = options.useCases.invoices.viewerOfInvoicePdfLink(target, {
        viewerId: text(req.query["viewer"]),
        role: text(req.query["role"]),
        expires: Number(text(req.query["expires"])),
        signature: text(req.query["signature"]),
      });
      if (!viewer) {
        return sendJsonError(res, 403, "FORBIDDEN", "The link is invalid or expired: ask for pdfUrl again.");
      }
    } else {
      try {
        viewer = await resolveViewer(options.useCases.accounts, req.headers.authorization ?? null);
      } catch {
        viewer = null;
      }
      if (!viewer) return sendJsonError(res, 401, "UNAUTHENTICATED", "Sign in, or use the signed pdfUrl.");
    }
    const ctx: RequestContext = {
      requestId,
      ip: req.socket.remoteAddress ?? null,
      userAgent: text(req.headers["user-agent"]).slice(0, 512) || null,
      viewer,
    };
    const pdf = await options.useCases.invoices.invoicePdf(target, ctx);
    if (!pdf) return sendJsonError(res, 404, "NOT_FOUND", "No such invoice.");
    res
      .status(200)
      .type("application/pdf")
      .setHeader("cache-control", "private, no-store")
      .setHeader("content-disposition", `inline; filename="invoice.pdf"`)
      .send(Buffer.from(pdf));
  };
  router.get("/upcoming/:user.pdf", (req, res, next) => {
    const userId = keyOf(text(req.params["user"]), "User");
    serve(userId ? { upcomingOf: userId } : null)(req, res).catch(next);
  });
  router.get("/:invoice.pdf", (req, res, next) => {
    const invoiceId = keyOf(text(req.params["invoice"]), "Invoice");
    serve(invoiceId ? { invoiceId } : null)(req, res).catch(next);
  });
  return router;
}

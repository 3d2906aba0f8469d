// A reseller's plain JavaScript, written from packages/sdk/README.md alone and run by Node against
// the packed SDK: a customer, funds for it, a server for it, and its ACTIVE status twice, from a
// signed webhook and from the subscription.
import { createPeykarbandClient, verifyWebhook } from "@peykarband/sdk";
import { Buffer } from "node:buffer";
import { createServer } from "node:http";
import process from "node:process";
import WebSocket from "ws";

const reseller = createPeykarbandClient({
  url: process.env.API_URL,
  apiKey: process.env.PEYKARBAND_API_KEY,
  webSocketImpl: WebSocket,
});

// Our webhook receiver: verifies each delivery on the raw body, then keeps the event.
let webhookSecret = "";
let activeWebhook;
const activeWebhookArrived = new Promise((resolve) => (activeWebhook = resolve));
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const check = verifyWebhook(webhookSecret, req.headers["peykarband-signature"], body, {
      toleranceSeconds: 300,
    });
    if (!check.valid) return res.writeHead(400).end(check.reason);
    const event = JSON.parse(body.toString("utf8"));
    res.writeHead(204).end();
    if (event.type === "SERVER_STATUS_CHANGED" && event.data.status === "ACTIVE") activeWebhook(event);
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));

const { createWebhookEndpoint } = await reseller.CreateWebhookEndpoint({
  input: {
    url: `http://127.0.0.1:${receiver.address().port}/hooks/peykarband`,
    events: ["SERVER_STATUS_CHANGED", "PAYMENT_SUCCEEDED", "INVOICE_ISSUED"],
  },
});
if (createWebhookEndpoint.userErrors.length > 0) throw new Error(createWebhookEndpoint.userErrors[0].message);
webhookSecret = createWebhookEndpoint.secret;

const { createCustomer } = await reseller.CreateCustomer({ input: { email: process.env.EMAIL } });
if (createCustomer.userErrors.length > 0) throw new Error(createCustomer.userErrors[0].message);
const customerId = createCustomer.customer.id;

const { transferToCustomer } = await reseller.TransferToCustomer({
  input: { customerId, amount: "20000000" },
});
if (transferToCustomer.userErrors.length > 0) throw new Error(transferToCustomer.userErrors[0].message);

const { orderServer: ordered } = await reseller.OrderServer({
  input: { customerId, name: "shop-1", planId: "hz-cx22", regionId: "hz-fsn1", imageId: "ubuntu-24.04" },
});
if (ordered.userErrors.length > 0) throw new Error(ordered.userErrors[0].message);
const serverId = ordered.server.id;

const statuses = [];
for await (const event of reseller.watchServerStatus(serverId)) {
  statuses.push(event.status);
  if (event.status === "ACTIVE") break;
}
const webhook = await activeWebhookArrived;
const { servers } = await reseller.Servers({ first: 10, customerId });
await reseller.dispose();
receiver.close();

process.stdout.write(
  `${JSON.stringify({
    customerBalance: transferToCustomer.customerWallet?.balance,
    subscription: statuses.at(-1),
    webhook: { type: webhook.type, serverId: webhook.data.serverId, status: webhook.data.status },
    servers: servers.edges.map(({ node }) => ({ id: node.id, status: node.status })),
    serverId,
  })}\n`,
);

/**
 * Baseline: the same bare Apollo Server 5 + type-graphql as bare-apollo.target.ts, served the way
 * the gateway serves /graphql: node:http straight into `executeHTTPGraphQLRequest`, no express.
 */
import { HeaderMap } from "@apollo/server";
import { createServer } from "node:http";
import { announce } from "./announce.ts";
import { startBareViewerApollo } from "./bare-viewer-apollo.ts";

const apollo = await startBareViewerApollo();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url ?? "";
    const queryAt = url.indexOf("?");
    void apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method ?? "GET",
          headers,
          search: queryAt === -1 ? "" : url.slice(queryAt),
          body: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as unknown) : undefined,
        },
        context: async () => ({}),
      })
      .then(async (response) => {
        res.statusCode = response.status ?? 200;
        for (const [name, value] of response.headers) res.setHeader(name, value);
        if (response.body.kind === "complete") {
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      });
  });
});
server.listen(0, "127.0.0.1", () => announce(server));

/* global GraphiQL, React, ReactDOM, document, location */
// Starts GraphiQL on the page served at /graphql (graphiql.routes.ts). Plain browser script: it is
// sent as is, next to the UMD bundles it uses.
"use strict";

const endpoint = location.origin + location.pathname;

const fetchGraphQL = GraphiQL.createFetcher({
  url: endpoint,
  subscriptionUrl: endpoint.replace(/^http/, "ws"),
  // Plain JSON answers: the gateway does not do incremental delivery.
  enableIncrementalDelivery: false,
});

// GraphiQL sends the header editor's headers over HTTP and, for subscriptions, as graphql-ws
// connection_init payload; the WebSocket server reads `authorization` there, so names go lower case.
function lowerCaseNames(headers) {
  const lowered = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = value;
  return lowered;
}

function fetcher(params, options) {
  return fetchGraphQL(params, { ...options, headers: lowerCaseNames(options?.headers) });
}

const defaultQuery = `# Peykarband GraphQL API (development and sandbox only)
#
# Signed in: run registerUser or signIn, then put
#   { "Authorization": "Bearer <accessToken>" }
# in the Headers tab below. It goes with every request
# and with subscriptions over WebSocket.

query Health {
  health {
    sandbox
  }
}
`;

ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultEditorToolsVisibility: "headers",
    shouldPersistHeaders: true,
  }),
);

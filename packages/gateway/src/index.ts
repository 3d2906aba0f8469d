export { createApp, type App, type AppOverrides } from "./composition/create-app.ts";
export { buildGatewaySchema, printSortedSchema } from "./schema/build-gateway-schema.ts";

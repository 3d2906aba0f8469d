/**
 * Baseline for `servers(first: 100) { plan region image }`: Apollo Server 5 + type-graphql on
 * express 5 serving the same connection shape over 100 servers held in memory, with plan, region
 * and image looked up in in-memory maps. No auth, no limits, no logging, no database: what the
 * gateway's answer would cost if reading the page and its catalog entries were free.
 */
import "reflect-metadata";
import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import {
  Arg,
  buildSchema,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { announce } from "./announce.ts";

@ObjectType("Plan")
class PlanRow {
  @Field(() => ID) id!: string;
}

@ObjectType("Region")
class RegionRow {
  @Field(() => ID) id!: string;
}

@ObjectType("Image")
class ImageRow {
  @Field(() => ID) id!: string;
}

@ObjectType("Server")
class ServerRow {
  @Field(() => ID) id!: string;
  planId!: string;
  regionId!: string;
  imageId!: string;
}

@ObjectType("ServerEdge")
class ServerEdge {
  @Field(() => ServerRow) node!: ServerRow;
  @Field(() => String) cursor!: string;
}

@ObjectType("ServerConnection")
class ServerConnection {
  @Field(() => [ServerEdge]) edges!: ServerEdge[];
}

const PLACEMENTS = [
  { planId: "do-s-1vcpu-1gb", regionId: "do-fra1" },
  { planId: "do-s-1vcpu-2gb", regionId: "do-ams3" },
  { planId: "hz-cx22", regionId: "hz-fsn1" },
  { planId: "hz-cx32", regionId: "hz-hel1" },
];
const IMAGES = ["ubuntu-24.04", "debian-12"];
const rows: ServerRow[] = Array.from({ length: 100 }, (_, n) => ({
  id: Buffer.from(`Server:${n}`).toString("base64url"),
  ...PLACEMENTS[n % PLACEMENTS.length]!,
  imageId: IMAGES[n % IMAGES.length]!,
}));
const byId = <T extends { id: string }>(entries: T[]) => new Map(entries.map((entry) => [entry.id, entry]));
const plans = byId(PLACEMENTS.map(({ planId }) => ({ id: planId })));
const regions = byId(PLACEMENTS.map(({ regionId }) => ({ id: regionId })));
const images = byId(IMAGES.map((id) => ({ id })));

@Resolver(() => ServerRow)
class ServersResolver {
  @Query(() => ServerConnection)
  servers(@Arg("first", () => Int) first: number): ServerConnection {
    return { edges: rows.slice(0, first).map((node) => ({ node, cursor: node.id })) };
  }

  @FieldResolver(() => PlanRow)
  plan(@Root() server: ServerRow): PlanRow {
    return plans.get(server.planId)!;
  }

  @FieldResolver(() => RegionRow)
  region(@Root() server: ServerRow): RegionRow {
    return regions.get(server.regionId)!;
  }

  @FieldResolver(() => ImageRow)
  image(@Root() server: ServerRow): ImageRow {
    return images.get(server.imageId)!;
  }
}

const apollo = new ApolloServer({ schema: await buildSchema({ resolvers: [ServersResolver] }) });
await apollo.start();
const app = express();
app.use("/graphql", express.json(), expressMiddleware(apollo));
const server = createServer(app);
server.listen(0, "127.0.0.1", () => announce(server));

/**
 * Baseline: Apollo Server 5 + type-graphql on express 5 with one static resolver, nothing else:
 * what the gateway would cost without auth, limits, logging, metrics and the database.
 */
import "reflect-metadata";
import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { buildSchema, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { announce } from "./announce.ts";

@ObjectType()
class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
}

@Resolver()
class ViewerResolver {
  @Query(() => User, { nullable: true })
  viewer(): User {
    return { id: "VXNlcjox", email: "bench@example.com" };
  }
}

const apollo = new ApolloServer({ schema: await buildSchema({ resolvers: [ViewerResolver] }) });
await apollo.start();
const app = express();
app.use("/graphql", express.json(), expressMiddleware(apollo));
const server = createServer(app);
server.listen(0, "127.0.0.1", () => announce(server));

/**
 * The two bare Apollo baselines' server: Apollo Server 5, default options, on a type-graphql schema
 * with one static `viewer` resolver. They differ only in how HTTP reaches it.
 */
import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { buildSchema, Field, ID, ObjectType, Query, Resolver } from "type-graphql";

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

export async function startBareViewerApollo(): Promise<ApolloServer> {
  const apollo = new ApolloServer({ schema: await buildSchema({ resolvers: [ViewerResolver] }) });
  await apollo.start();
  return apollo;
}

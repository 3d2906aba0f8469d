import type { AccountUseCases, RequestContext } from "@peykarband/application";
import type { Locale } from "../i18n/locale.ts";
import type { UserLoaders } from "./user-loaders.ts";

/** Facts about this deployment that the API reports (`health`). */
export interface AppInfo {
  readonly version: string;
  readonly sandbox: boolean;
}

/** What the resolvers of one operation run with. */
export interface GraphQLContext extends RequestContext {
  readonly useCases: AccountUseCases;
  readonly loaders: UserLoaders;
  readonly locale: Locale;
  readonly app: AppInfo;
  /** Written by resolvers so the request log can tell "ok" from "userErrors". */
  readonly outcome: { userErrors: boolean };
}

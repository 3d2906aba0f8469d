import { domainError, err, ok, type DomainError, type Language, type Result } from "@peykarband/domain";
import type { LanguagePreferences } from "../ports/language-preference.ts";
import { canReadUser, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

export const SET_LANGUAGE_ERROR_CODES = ["USER_NOT_FOUND"] as const;
export type SetLanguageErrorCode = (typeof SET_LANGUAGE_ERROR_CODES)[number];

export interface LanguagePreferenceDeps {
  readonly languages: LanguagePreferences;
}

/** The signed-in user chooses the language of their notices; from the next notice on. */
export async function setLanguage(
  deps: LanguagePreferenceDeps,
  input: { language: Language },
  ctx: RequestContext,
): Promise<Result<{ userId: string; language: Language }, DomainError<SetLanguageErrorCode>>> {
  const viewer = requireViewer(ctx);
  // The session outlived its account: nothing to set.
  if (!(await deps.languages.setLanguage(viewer.userId, input.language))) {
    return err(domainError("USER_NOT_FOUND", "No such user.", []));
  }
  return ok({ userId: viewer.userId, language: input.language });
}

/** The user's notice language; null for someone the viewer may not read, or no such user. */
export async function userLanguage(
  deps: LanguagePreferenceDeps,
  input: { userId: string },
  ctx: RequestContext,
): Promise<Language | null> {
  if (!canReadUser(ctx.viewer, input.userId)) return null;
  return deps.languages.languageOf(input.userId);
}

/** The language use cases bound to their port: what resolvers call. */
export function createLanguagePreferenceUseCases(deps: LanguagePreferenceDeps) {
  return {
    setLanguage: (input: { language: Language }, ctx: RequestContext) => setLanguage(deps, input, ctx),
    userLanguage: (input: { userId: string }, ctx: RequestContext) => userLanguage(deps, input, ctx),
  };
}

export type LanguagePreferenceUseCases = ReturnType<typeof createLanguagePreferenceUseCases>;

import { CriticalityLevel, diff, DiffRule, type Change } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

/**
 * The changes from a released schema to the current one that would break a client built against
 * the release. Removing a field, enum value or input field that the release already marked
 * `@deprecated` is allowed: deprecation is how a removal is announced.
 */
export async function breakingChanges(releasedSdl: string, currentSdl: string): Promise<Change[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl), [
    DiffRule.suppressRemovalOfDeprecatedField,
  ]);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/** The newest `vX.Y.Z.graphql` of a folder listing, by semantic version. */
export function latestRelease(fileNames: readonly string[]): string | undefined {
  const versions = fileNames.flatMap((name) => {
    const match = /^v(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(name);
    return match ? [{ name, parts: match.slice(1).map(Number) }] : [];
  });
  versions.sort((a, b) => {
    for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i]! - b.parts[i]!;
    return 0;
  });
  return versions.at(-1)?.name;
}

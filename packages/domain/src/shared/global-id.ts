/**
 * The API's opaque id of an object: base64url of "Type:key". Here rather than in the gateway
 * because webhook bodies, written by the worker, carry the same ids the API answers with.
 */
export function toGlobalId(type: string, key: string): string {
  const bytes = new TextEncoder().encode(`${type}:${key}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** How the tests talk to a simulator: as a merchant's server (JSON) and as a browser (forms). */

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: () => unknown;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  };
}

/** Submits the payment page's form the way a browser would, without following the redirect. */
export async function postDecision(pageUrl: string, decision: string): Promise<Response> {
  return fetch(pageUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision }).toString(),
    redirect: "manual",
  });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);

/** What the browser would POST when IDPay's self-submitting return form fires. */
export function readAutoSubmitForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form id="return" method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error("no return form in the page");
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescape(name!)] = unescape(value!);
  }
  return { action: unescape(action), fields };
}

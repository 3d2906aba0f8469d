/** Signs a benchmark user up through the gateway and returns its access token. */
export async function registerBenchUser(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation ($input: RegisterUserInput!) {
        registerUser(input: $input) { session { accessToken } userErrors { code } }
      }`,
      variables: { input: { email, password } },
    }),
  });
  const body = (await response.json()) as {
    data?: { registerUser: { session: { accessToken: string } | null; userErrors: { code: string }[] } };
  };
  const token = body.data?.registerUser.session?.accessToken;
  if (!token) throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
  return token;
}

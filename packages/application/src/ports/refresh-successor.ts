/**
 * The refresh token that follows a used one. The same used token always yields the same
 * successor, so concurrent refreshes with one token (two tabs, a retried request) hand out one
 * new token; without the server's key nobody can compute it, so holding an old token is not
 * holding its successor.
 */
export interface RefreshSuccessor {
  successorOf(refreshToken: string): string;
}

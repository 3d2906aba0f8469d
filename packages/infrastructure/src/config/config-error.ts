export interface ConfigProblem {
  /** The environment variable (or file) at fault. */
  readonly variable: string;
  /** What is wrong with it, never its value: some are secrets. */
  readonly problem: string;
}

/** Configuration that cannot start the program; the message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map(({ variable, problem }) => `  - ${variable}: ${problem}`).join("\n")}`,
    );
  }
}

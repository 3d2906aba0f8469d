/**
 * Pulls the shell commands out of the Markdown docs: every line of a fenced sh/bash/console
 * block (only the `$ ` lines when the block shows output too), and inline code in prose that
 * runs pnpm.
 */

export const PNPM = "npx -y pnpm@12.21.0";

export interface DocCommand {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** Inline code in prose rather than a fenced block. */
  readonly inline: boolean;
}

export interface Word {
  readonly text: string;
  readonly quoted: boolean;
}

const SHELL_FENCE = /^```(sh|bash|console|shell)\s*$/;

export function extractCommands(file: string, markdown: string): DocCommand[] {
  const lines = markdown.split("\n");
  const commands: DocCommand[] = [];
  let fence: { start: number; body: string[] } | null = null;
  let inOtherFence = false;
  lines.forEach((line, index) => {
    if (fence) {
      if (line.startsWith("```")) {
        commands.push(...fencedCommands(file, fence.start, fence.body));
        fence = null;
      } else fence.body.push(line);
      return;
    }
    if (inOtherFence) {
      if (line.startsWith("```")) inOtherFence = false;
      return;
    }
    if (SHELL_FENCE.test(line)) fence = { start: index + 2, body: [] };
    else if (line.startsWith("```")) inOtherFence = true;
    else
      for (const match of line.matchAll(/`([^`]*\bpnpm\b[^`]*)`/g)) {
        const text = match[1] ?? "";
        if (/^(\w+=\S*\s+)*(npx -y pnpm@[\d.]+|pnpm) \S/.test(text))
          commands.push({ file, line: index + 1, text, inline: true });
      }
  });
  return commands;
}

function fencedCommands(file: string, start: number, body: string[]): DocCommand[] {
  const prompted = body.some((line) => line.startsWith("$ "));
  const commands: DocCommand[] = [];
  let current: { line: number; text: string } | null = null;
  body.forEach((raw, offset) => {
    if (current) {
      current.text += " " + raw.trim();
    } else {
      if (prompted && !raw.startsWith("$ ")) return;
      const text = (prompted ? raw.slice(2) : raw).trim();
      if (text === "" || text.startsWith("#")) return;
      current = { line: start + offset, text };
    }
    if (current.text.endsWith("\\")) current.text = current.text.slice(0, -1).trimEnd();
    else {
      commands.push({ file, line: current.line, text: current.text, inline: false });
      current = null;
    }
  });
  return commands;
}

/** Splits one command line into words, honouring quotes, dropping a trailing comment. */
export function words(command: string): Word[] {
  const result: Word[] = [];
  let text = "";
  let quoted = false;
  let started = false;
  let quote: string | null = null;
  let depth = 0; // inside $( … )
  for (let i = 0; i < command.length; i++) {
    const char = command[i] ?? "";
    if (quote) {
      if (char === quote) quote = null;
      else text += char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      quoted = true;
      started = true;
      continue;
    }
    if (char === "$" && command[i + 1] === "(") depth++;
    if (char === ")" && depth > 0) depth--;
    if (depth === 0 && /\s/.test(char)) {
      if (started) result.push({ text, quoted });
      text = "";
      quoted = false;
      started = false;
      continue;
    }
    if (depth === 0 && char === "#" && !started) break;
    text += char;
    started = true;
  }
  if (started) result.push({ text, quoted });
  return result;
}

/** The simple commands of a line: split at `&&`, `||`, `;` and `|`. */
export function simpleCommands(line: Word[]): Word[][] {
  const parts: Word[][] = [[]];
  for (const word of line) {
    if (!word.quoted && ["&&", "||", ";", "|"].includes(word.text)) parts.push([]);
    else parts.at(-1)?.push(word);
  }
  return parts.filter((part) => part.length > 0);
}

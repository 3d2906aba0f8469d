import { stringify } from "yaml";
import { parse, type BlockNode, type Node } from "./helm-template-parse.ts";

/**
 * Renders the Go templates of deploy/helm/peykarband the way `helm template` does, for the subset
 * of the template language and of Helm's functions the chart uses. There is no Helm for Node on
 * npm and no helm binary on the machines the tests run on; CI also runs the real `helm template`
 * (.github/workflows/ci.yml). A construct outside the subset throws, so a new one cannot be
 * silently mis-rendered: extend this file, or keep the template simple.
 */

type Value = unknown;
type Scope = { dot: Value; vars: Map<string, Value> };

export interface HelmContext {
  readonly Values: Record<string, unknown>;
  readonly Chart: Record<string, unknown>;
  readonly Release: Record<string, unknown>;
}

/** Go's notion of empty, which `if`, `with`, `default`, `and`, `or` and `not` use. */
function truthy(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** How `{{ x }}` prints a value. */
function print(value: Value): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object")
    throw new Error(`printing a map or list: use toYaml (${JSON.stringify(value)})`);
  return String(value);
}

function toYaml(value: Value): string {
  if (value === null || value === undefined) return "null";
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
}

const indentLines = (spaces: number, text: string): string =>
  text
    .split("\n")
    .map((line) => " ".repeat(spaces) + line)
    .join("\n");

/** Splits `a "b c" (d e) f` into its words, keeping strings and parentheses whole. */
function words(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
    } else if (char === '"') {
      let end = at + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      out.push(text.slice(at, end + 1));
      at = end + 1;
    } else if (char === "(") {
      let depth = 0;
      let end = at;
      for (; end < text.length; end++) {
        if (text[end] === "(") depth++;
        if (text[end] === ")" && --depth === 0) break;
      }
      out.push(text.slice(at, end + 1));
      at = end + 1;
    } else {
      const end = text.slice(at).search(/[\s()]|$/) + at;
      out.push(text.slice(at, end));
      at = end;
    }
  }
  return out;
}

/** Splits a pipeline at `|` outside strings and parentheses. */
function commands(pipeline: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let at = 0; at < pipeline.length; at++) {
    const char = pipeline[at];
    if (inString) {
      if (char === "\\") at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) {
      parts.push(pipeline.slice(start, at).trim());
      start = at + 1;
    }
  }
  parts.push(pipeline.slice(start).trim());
  return parts;
}

function field(value: Value, path: string[]): Value {
  let current = value;
  for (const key of path) {
    if (current === null || current === undefined) return undefined;
    if (typeof current !== "object") throw new Error(`.${key} of a ${typeof current}`);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export class HelmTemplates {
  private readonly defines = new Map<string, Node[]>();

  /** `files`: every template of the chart by name, helpers (`_*.tpl`) included. */
  constructor(private readonly files: Readonly<Record<string, string>>) {
    for (const [name, source] of Object.entries(files)) if (name.startsWith("_")) parse(source, this.defines);
  }

  /** The rendered text of one template, as `helm template --show-only` prints it. */
  render(name: string, context: HelmContext): string {
    const source = this.files[name];
    if (source === undefined) throw new Error(`no template ${name}`);
    const nodes = parse(source, this.defines);
    return this.run(nodes, { dot: context, vars: new Map([["$", context]]) });
  }

  private run(nodes: Node[], scope: Scope): string {
    let out = "";
    for (const node of nodes) {
      if (node.kind === "text") out += node.text;
      else if (node.kind === "action") {
        const assignment = /^(\$\w+)\s*:?=\s*(.*)$/s.exec(node.pipeline);
        if (assignment) scope.vars.set(assignment[1]!, this.pipeline(assignment[2]!, scope));
        else out += print(this.pipeline(node.pipeline, scope));
      } else out += this.block(node, scope);
    }
    return out;
  }

  private block(node: BlockNode, scope: Scope): string {
    if (node.kind === "range") {
      const header = /^(?:(\$\w+)\s*,\s*(\$\w+)\s*:=\s*)?(.*)$/s.exec(node.pipeline)!;
      const collection = this.pipeline(header[3]!, scope);
      if (!truthy(collection)) return this.run(node.elseBody, scope);
      const entries: [Value, Value][] = Array.isArray(collection)
        ? collection.map((item, index) => [index, item])
        : Object.entries(collection as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          );
      return entries
        .map(([key, item]) => {
          const vars = new Map(scope.vars);
          if (header[1]) vars.set(header[1], key);
          if (header[2]) vars.set(header[2], item);
          return this.run(node.body, { dot: item, vars });
        })
        .join("");
    }
    const value = this.pipeline(node.pipeline, scope);
    if (!truthy(value)) return this.run(node.elseBody, scope);
    return this.run(node.body, node.kind === "with" ? { dot: value, vars: new Map(scope.vars) } : scope);
  }

  private pipeline(pipeline: string, scope: Scope): Value {
    let result: Value = undefined;
    commands(pipeline).forEach((command, position) => {
      const [head, ...args] = words(command);
      const piped = position === 0 ? [] : [result];
      result =
        head && this.isFunction(head)
          ? this.call(head, [...args.map((arg) => this.operand(arg, scope)), ...piped], args)
          : position === 0 && args.length === 0
            ? this.operand(head ?? "", scope)
            : (() => {
                throw new Error(`cannot run "${command}"`);
              })();
    });
    return result;
  }

  private operand(word: string, scope: Scope): Value {
    if (word.startsWith("(")) return this.pipeline(word.slice(1, -1), scope);
    if (word.startsWith('"')) return JSON.parse(word) as string;
    if (/^-?\d+$/.test(word)) return Number(word);
    if (word === "true" || word === "false") return word === "true";
    if (word === ".") return scope.dot;
    if (word.startsWith(".")) return field(scope.dot, word.slice(1).split("."));
    if (word.startsWith("$")) {
      const [name, ...path] = word.split(".");
      if (!scope.vars.has(name!)) throw new Error(`undefined variable ${name}`);
      return field(scope.vars.get(name!), path);
    }
    throw new Error(`unsupported operand ${word}`);
  }

  private isFunction(name: string): boolean {
    return /^[a-zA-Z]\w*$/.test(name) && name !== "true" && name !== "false";
  }

  private call(name: string, args: Value[], raw: string[]): Value {
    const text = (value: Value): string => print(value);
    switch (name) {
      case "include": {
        const body = this.defines.get(String(args[0]));
        if (!body) throw new Error(`no template named ${String(args[0])}`);
        // As in Go, `$` inside a named template is the data it was called with.
        return this.run(body, { dot: args[1], vars: new Map([["$", args[1]]]) });
      }
      case "dict": {
        const map: Record<string, unknown> = {};
        for (let at = 0; at < args.length; at += 2) map[String(args[at])] = args[at + 1];
        return map;
      }
      case "printf": {
        let next = 1;
        return String(args[0]).replace(/%[sdv]/g, () => text(args[next++]));
      }
      case "trunc":
        return text(args[1]).slice(0, Number(args[0]));
      case "trimSuffix":
        return text(args[1]).endsWith(String(args[0]))
          ? text(args[1]).slice(0, -String(args[0]).length)
          : text(args[1]);
      case "replace":
        return text(args[2]).split(String(args[0])).join(String(args[1]));
      case "contains":
        return text(args[1]).includes(String(args[0]));
      case "default":
        return truthy(args[1]) ? args[1] : args[0];
      case "quote":
        return args.map((arg) => JSON.stringify(text(arg))).join(" ");
      case "eq":
        return args.slice(1).some((arg) => arg === args[0]);
      case "not":
        return !truthy(args[0]);
      case "and":
        return args.find((arg) => !truthy(arg)) ?? args[args.length - 1];
      case "or":
        return args.find((arg) => truthy(arg)) ?? args[args.length - 1];
      case "toYaml":
        return toYaml(args[0]);
      case "nindent":
        return "\n" + indentLines(Number(args[0]), text(args[1]));
      case "indent":
        return indentLines(Number(args[0]), text(args[1]));
      default:
        throw new Error(`unsupported function ${name} in ${raw.join(" ")}`);
    }
  }
}

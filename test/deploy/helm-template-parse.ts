/** The template language of helm-template.ts: text, actions and if/with/range blocks, as a tree. */

interface TextNode {
  kind: "text";
  text: string;
}
interface ActionNode {
  kind: "action";
  pipeline: string;
}
export interface BlockNode {
  kind: "if" | "with" | "range";
  pipeline: string;
  body: Node[];
  elseBody: Node[];
}
export type Node = TextNode | ActionNode | BlockNode;

/** Splits a template into text and actions, applying `{{-` and `-}}` trimming. */
function lex(source: string): (TextNode | { kind: "tag"; body: string })[] {
  const tokens: (TextNode | { kind: "tag"; body: string })[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf("{{", at);
    if (open < 0) {
      tokens.push({ kind: "text", text: source.slice(at) });
      break;
    }
    let text = source.slice(at, open);
    const close = source.indexOf("}}", open);
    if (close < 0) throw new Error("unclosed {{");
    let body = source.slice(open + 2, close);
    if (body.startsWith("-")) {
      text = text.replace(/\s+$/, "");
      body = body.slice(1);
    }
    let next = close + 2;
    if (body.endsWith("-")) {
      body = body.slice(0, -1);
      next = source.slice(next).search(/\S|$/) + next;
    }
    tokens.push({ kind: "text", text }, { kind: "tag", body: body.trim() });
    at = next;
  }
  return tokens;
}

/** Builds the tree; `define` blocks go into `defines` instead of the output. */
export function parse(source: string, defines: Map<string, Node[]>): Node[] {
  const tokens = lex(source);
  let index = 0;
  const block = (stopAt: readonly string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (index < tokens.length) {
      const token = tokens[index++]!;
      if (token.kind === "text") {
        if (token.text) nodes.push(token);
        continue;
      }
      const body = token.body;
      if (body.startsWith("/*")) continue;
      const word = body.split(/\s+/, 1)[0]!;
      if (stopAt.includes(word) || (word === "else" && stopAt.includes("else"))) return { nodes, stop: body };
      if (word === "define") {
        const name = JSON.parse(body.slice("define".length).trim()) as string;
        defines.set(name, block(["end"]).nodes);
      } else if (word === "if" || word === "with" || word === "range") {
        nodes.push(conditional(word, body.slice(word.length).trim()));
      } else if (word === "end" || word === "else") {
        throw new Error(`unexpected {{${body}}}`);
      } else {
        nodes.push({ kind: "action", pipeline: body });
      }
    }
    if (stopAt.length > 0) throw new Error(`missing {{end}}`);
    return { nodes, stop: "" };
  };
  const conditional = (kind: BlockNode["kind"], pipeline: string): BlockNode => {
    const then = block(["end", "else"]);
    const node: BlockNode = { kind, pipeline, body: then.nodes, elseBody: [] };
    if (then.stop.startsWith("else")) {
      const rest = then.stop.slice("else".length).trim();
      if (rest.startsWith("if ")) node.elseBody = [conditional("if", rest.slice(3).trim())];
      else if (rest === "") node.elseBody = block(["end"]).nodes;
      else throw new Error(`unsupported {{${then.stop}}}`);
    }
    return node;
  };
  return block([]).nodes;
}

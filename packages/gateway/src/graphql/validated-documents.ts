import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from "graphql";
import { documentBytes } from "../limits/document-store.ts";
import { parseDocument } from "../limits/parse-document.ts";

/**
 * A validation error as Apollo gives it on HTTP: with the GRAPHQL_VALIDATION_FAILED code when it
 * has none of its own, and, when introspection is off, without "Did you mean …?" (which would
 * rebuild the schema that introspection hides; hideSchemaDetailsFromClientErrors on HTTP).
 */
const asValidationFailure = (error: GraphQLError, hideSchema: boolean): GraphQLError =>
  new GraphQLError(hideSchema ? error.message.replace(/ ?Did you mean(.+?)\?$/, "") : error.message, {
    nodes: error.nodes ?? null,
    originalError: error.originalError ?? null,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...error.extensions },
  });

/**
 * WebSocket documents parsed and validated once per text, as Apollo's document store does on HTTP:
 * 10,000 dashboards subscribing with the same document cost one validation, not 10,000. Only valid
 * documents are kept, bounded by the memory they take; validation depends on nothing but the text,
 * the schema and the rules (variables and cost are checked per operation).
 */
export class ValidatedDocuments {
  private readonly valid: InMemoryLRUCache<DocumentNode>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly hideSchema: boolean,
    maxBytes: number,
  ) {
    this.valid = new InMemoryLRUCache<DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentBytes });
  }

  /** The document, or why it does not parse or validate. */
  async check(query: string): Promise<DocumentNode | readonly GraphQLError[]> {
    const cached = await this.valid.get(query);
    if (cached) return cached;
    const document = parseDocument(query);
    if (document instanceof GraphQLError) return [document];
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return errors.map((error) => asValidationFailure(error, this.hideSchema));
    await this.valid.set(query, document);
    return document;
  }
}

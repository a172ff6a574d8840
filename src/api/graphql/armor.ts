import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-armor's configuration object. */
export type GraphQLArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;

/**
 * Static limits on a GraphQL document, checked before execution (DESIGN.md §8, issue 7). Sized so
 * that GraphiQL's introspection and the deepest real query (a plan with legs, stops and parking)
 * pass with room to spare, while a document built to exhaust the server does not.
 */
export const ARMOR_LIMITS = {
  /** Deepest selection, fields (a plan → legs → parking → facility → nearbyStops → routes is 7). */
  maxDepth: 12,
  /** Weighted selection size (armor's model: objects 2, scalars 1, ×1.5 a level, ×`first` when literal); a departure board with every field three levels deep is about 21,000. */
  maxCost: 50_000,
  /** Aliases in one document. */
  maxAliases: 15,
  /** Directives in one document. */
  maxDirectives: 10,
  /** Lexical tokens in one document (GraphiQL's introspection query has under 200). */
  maxTokens: 3_000,
} as const;

/**
 * graphql-armor reports a refusal as a code-less "Syntax Error"; report it instead with the code
 * yoga gives other invalid documents, so every error carries `extensions.code`
 * (DESIGN.md §8). In validation it is reported like any rule's error; the token count runs in the
 * parser, where throwing is how a document is refused.
 */
function rejectWithCode(ctx: ValidationContext | null, error: GraphQLError): void {
  const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  if (!ctx) throw coded;
  ctx.reportError(coded);
}

/** graphql-armor's settings for these limits; field suggestions are blocked so the schema is not leaked by typos. */
export function armorConfig(limits: typeof ARMOR_LIMITS = ARMOR_LIMITS): GraphQLArmorConfig {
  const onReject = [rejectWithCode];
  const propagateOnRejection = false;
  return {
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      onReject,
      propagateOnRejection,
    },
    costLimit: {
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      onReject,
      propagateOnRejection,
    },
    maxAliases: { n: limits.maxAliases, onReject, propagateOnRejection },
    maxDirectives: { n: limits.maxDirectives, onReject, propagateOnRejection },
    maxTokens: { n: limits.maxTokens, onReject, propagateOnRejection },
    blockFieldSuggestion: { enabled: true },
  };
}

/** The graphql-armor envelop plugin for yoga with `ARMOR_LIMITS`. */
export function armorPlugin(limits: typeof ARMOR_LIMITS = ARMOR_LIMITS): Plugin {
  return EnvelopArmorPlugin(armorConfig(limits));
}

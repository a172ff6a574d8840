import { useGraphQlJit } from '@envelop/graphql-jit';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { authenticate } from '../../auth/index.js';
import type { Services } from '../../services.js';
import type { GraphQLContext } from './context.js';
import { maskError } from './errors.js';
import { resolvers } from './resolvers/index.js';

const sdlDir = fileURLToPath(new URL('../../../graphql/', import.meta.url));

function isSubscription(document: DocumentNode): boolean {
  return document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.SUBSCRIPTION,
  );
}

/** The SDL files of `graphql/`, concatenated (they are the source of truth, DESIGN.md §8). */
export function loadTypeDefs(): string {
  return readdirSync(sdlDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(sdlDir + f, 'utf8'))
    .join('\n');
}

/** The graphql-yoga server: schema, context (caller + network snapshot), masked errors, offline GraphiQL; `plugins` add limits and metrics. */
export function createGraphQLServer(services: Services, plugins: Plugin[] = []) {
  const schema = createSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
  });
  return createYoga<{ requestId?: string }, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    renderGraphiQL,
    graphiql: {
      title: 'MaaS trip planner',
      defaultQuery: '{ feeds { id agency { name } startDate endDate } }',
    },
    maskedErrors: { maskError },
    // Queries and mutations run compiled (graphql-jit: ~25% more departures per second); subscriptions
    // stay on graphql-js, which re-reads the context (latest network) for every event.
    plugins: [
      useGraphQlJit({}, { enableIf: (args) => !isSubscription(args.document) }),
      ...plugins,
    ],
    logging: false,
    landingPage: false,
    // The HTTP layer limits bodies (payloadLimit, before anything reads them): yoga's own limit would
    // stream every body through a second counter and cap feed uploads at its 25 MB default.
    maxRequestBodySize: false,
    context: async ({ request, requestId }) => {
      const nowMs = services.clock.nowMs();
      const caller = await authenticate(request.headers.get('authorization'), {
        apiKeys: services.apiKeys,
        tokens: services.tokens,
        nowMs,
      });
      return {
        services,
        caller,
        network: services.feeds.network,
        realtime: services.realtime.snapshot,
        nowMs,
        requestId: requestId ?? '',
      };
    },
  });
}

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { authenticate } from '../../auth/authenticate.js';
import type { Services } from '../../services.js';
import type { GraphQLContext } from './context.js';
import { maskError } from './errors.js';
import { resolvers } from './resolvers/index.js';

const sdlDir = fileURLToPath(new URL('../../../graphql/', import.meta.url));

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
  const schema = createSchema<GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
  return createYoga<{ requestId?: string }, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    renderGraphiQL,
    graphiql: { title: 'MaaS trip planner', defaultQuery: '{ feeds { id agency { name } startDate endDate } }' },
    maskedErrors: { maskError },
    plugins,
    logging: false,
    landingPage: false,
    context: async ({ request, requestId }) => {
      const nowMs = services.clock.nowMs();
      const caller = await authenticate(request.headers.get('authorization'), {
        db: services.db,
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

import { buildSchema, getOperationAST, Kind, type DocumentNode } from 'graphql';

/** Distinct operation names kept as label values; later ones are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
/** More root fields than this in one operation are labelled `multiple`, so that combinations stay few. */
const MAX_ROOT_FIELDS_IN_LABEL = 3;

/** Label values of one GraphQL operation, bounded so that clients cannot explode the series. */
export interface OperationLabels {
  /** The client's operation name (first 200 distinct ones, then `other`), `Anonymous` without. */
  operationName: string;
  operationType: string;
  /** Root fields it selects, sorted and comma-joined (`plan`, `departures,stop`), `multiple` past 3, `unknown` when not in the schema. */
  rootField: string;
}

const UNKNOWN: OperationLabels = {
  operationName: 'unknown',
  operationType: 'unknown',
  rootField: 'unknown',
};

/** Names of every root field of the schema, per operation type. */
function schemaRootFields(typeDefs: string): ReadonlySet<string> {
  const schema = buildSchema(typeDefs);
  const names = new Set<string>();
  for (const type of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    for (const name of Object.keys(type?.getFields() ?? {})) names.add(name);
  }
  return names;
}

/** Builds the labeller for the schema of `typeDefs` (SDL): known root fields only, operation names capped at `MAX_OPERATION_NAMES`. */
export function operationLabeller(
  typeDefs: string,
): (document: DocumentNode | undefined, operationName?: string) => OperationLabels {
  const rootFields = schemaRootFields(typeDefs);
  const seenNames = new Set<string>();
  const nameLabel = (name: string | undefined): string => {
    if (!name) return 'Anonymous';
    if (seenNames.has(name)) return name;
    if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
    seenNames.add(name);
    return name;
  };
  const labelsOf = (document: DocumentNode, operationName: string | undefined): OperationLabels => {
    // envelop passes `Anonymous` for an unnamed operation: fall back to the document's only one.
    const operation = getOperationAST(document, operationName) ?? getOperationAST(document);
    if (!operation) return UNKNOWN;
    const fields = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
      fields.add(rootFields.has(selection.name.value) ? selection.name.value : 'unknown');
    }
    return {
      operationName: nameLabel(operation.name?.value ?? operationName),
      operationType: operation.operation,
      rootField:
        fields.size === 0
          ? 'introspection'
          : fields.size > MAX_ROOT_FIELDS_IN_LABEL
            ? 'multiple'
            : [...fields].sort().join(','),
    };
  };
  // Yoga reuses the parsed document of a repeated query, so its labels are worked out once.
  const cache = new WeakMap<DocumentNode, Map<string, OperationLabels>>();
  return (document, operationName) => {
    if (!document) return UNKNOWN;
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map<string, OperationLabels>()));
    let labels = byName.get(operationName ?? '');
    if (!labels) byName.set(operationName ?? '', (labels = labelsOf(document, operationName)));
    return labels;
  };
}

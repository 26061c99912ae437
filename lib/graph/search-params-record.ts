// URLSearchParams as parseGraphQuery wants them, for the map's address and GET /api/graph alike.
import type { SearchParamsInput } from './graph-query';

/** Each key once; a repeated key stays an array so parseGraphQuery refuses it instead of picking one. */
export function searchParamsRecord(params: { keys(): Iterable<string>; getAll(key: string): string[] }): SearchParamsInput {
  const record: SearchParamsInput = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

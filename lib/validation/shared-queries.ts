// Pieces shared by the read-query schemas (*-queries.ts): blank form values, and query strings
// as the schemas take them.

/** A form's "any" choice submits an empty value; that means the same as leaving the field out. */
export const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Query parameters as Next passes a page's searchParams: a repeated key arrives as an array. */
export type SearchParamsInput = Record<string, string | string[] | undefined>;

/** Each key once; a repeated key stays an array so parseGraphQuery refuses it instead of picking one. */
export function searchParamsRecord(params: { keys(): Iterable<string>; getAll(key: string): string[] }): SearchParamsInput {
  const record: SearchParamsInput = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

/** A URL's query as a plain object, every key once (a repeated key keeps its last value), for the list schemas. */
export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

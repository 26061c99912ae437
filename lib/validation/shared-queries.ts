// Pieces shared by the read-query schemas (actor-queries, source-queries).

/** A form's "any" choice submits an empty value; that means the same as leaving the field out. */
export const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

// The one error a reader in lib/exchange throws when a file is not what its format says, or asks for
// something Powermap cannot hold (a GraphML hyperedge, a CSV edge without a target). The import
// turns it into an 'invalid' answer whose field messages are the problems, each naming where in
// the file it is, so an analyst can fix the file instead of guessing.
export class ForeignFormatError extends Error {
  constructor(
    /** The format being read ("graphml", "csv"), for the message. */
    readonly format: string,
    /** Each problem in words, with its place in the file ("line 12: …"); the first few make the message. */
    readonly problems: string[],
  ) {
    super(`Not a readable ${format.toUpperCase()} file: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
    this.name = 'ForeignFormatError';
  }
}

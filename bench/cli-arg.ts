// The small benches' command line: `--name value`, or the default when the flag is absent.
// (npm run bench, the harness, parses its richer options with zod in bench/options.ts.)
export function cliArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

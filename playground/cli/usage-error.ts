/** A problem the person running the CLI can fix (a flag, a config file, a path): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

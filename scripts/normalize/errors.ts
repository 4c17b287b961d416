/**
 * An error meant for a person: where (file, line or field) and what to do.
 * The CLI prints it as one line, without a stack trace.
 */
export class NormalizeError extends Error {
  override name = 'NormalizeError';

  /**
   * @param where  the file, optionally with `:line` or ` field`, e.g. `content/sources/x.txt:12`
   * @param problem  what is wrong and what to do about it
   */
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

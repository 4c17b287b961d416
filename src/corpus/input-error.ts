/**
 * An error in one of the project's input files, meant for a person: where (file and line)
 * and what to do. Command-line tools print it as one line, without a stack trace.
 */
export class InputError extends Error {
  override name = 'InputError';

  /**
   * @param where    the file, optionally with `:line`, e.g. `content/sources/sources.yaml:12`
   * @param problem  what is wrong and what to do about it
   */
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

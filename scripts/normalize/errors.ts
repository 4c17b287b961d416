/**
 * An error meant for a person: where (file, line or field) and what to do.
 * The CLI prints it as one line, without a stack trace. Every input error of the project
 * (src/corpus/input-error.ts) is one; the normaliser's own keep this name.
 */
import { InputError } from '../../src/corpus/input-error.ts';

export class NormalizeError extends InputError {
  override name = 'NormalizeError';
}

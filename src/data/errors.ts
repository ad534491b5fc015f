/**
 * A fault in a data file. The message names the file, the record and the field, so whoever edits
 * data/ can go straight to the mistake; the server refuses to start on one.
 */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly file: string,
    readonly record: string | undefined,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    const where = [file, record && `record ${record}`, field && `field ${field}`].filter(Boolean);
    super(`${where.join(', ')}: ${problem}`);
  }
}

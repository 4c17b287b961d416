/**
 * One JSON Schema validator for the tests: draft 2020-12 (what /data/dossier.schema.json
 * declares) with the standard formats checked (uri, date…), so no format is silently ignored.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function compileSchema(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

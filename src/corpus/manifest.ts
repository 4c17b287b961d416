/** The dossier's own title and description, read once from the source manifest. */
import { readFile } from 'node:fs/promises';
import { manifestSchema } from './schema';
import { parseYamlWithSchema } from './yaml';

export interface DossierInfo {
  title: string;
  description: string;
}

const MANIFEST_FILE = 'content/sources/sources.yaml';

let info: Promise<DossierInfo> | undefined;

export function getManifestInfo(): Promise<DossierInfo> {
  info ??= readFile(MANIFEST_FILE, 'utf8').then((text) => {
    const { title, description } = parseYamlWithSchema(text, manifestSchema, MANIFEST_FILE);
    return { title, description };
  });
  return info;
}

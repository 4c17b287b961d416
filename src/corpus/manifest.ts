/** The dossier's own title and description, read once from the source manifest. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { manifestSchema } from './schema';

export interface DossierInfo {
  title: string;
  description: string;
}

let info: Promise<DossierInfo> | undefined;

export function getManifestInfo(): Promise<DossierInfo> {
  info ??= readFile('content/sources/sources.yaml', 'utf8').then((text) => {
    const { title, description } = manifestSchema.parse(parse(text));
    return { title, description };
  });
  return info;
}

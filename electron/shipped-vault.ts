import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The vault shipped with the app (notes/), next to electron/ from source and out/ when built. */
export const SHIPPED_VAULT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'notes');

// electron-builder puts the files listed under `asarUnpack` (electron-builder.yml) in
// app.asar.unpacked, beside app.asar, at the same relative path. A worker thread must start from
// such a real file: this maps a path inside the archive to its unpacked copy.
import path from 'node:path';

export function unpackedPath(p: string): string {
  const parts = p.split(path.sep);
  const i = parts.indexOf('app.asar');
  if (i < 0) return p;
  parts[i] = 'app.asar.unpacked';
  return parts.join(path.sep);
}

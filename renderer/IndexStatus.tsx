import { useState } from 'react';
import { IndexNotice } from './IndexNotice.tsx';
import type { VaultData } from './useVaultData.ts';

const n = (v: number) => v.toLocaleString('en-US');

/** The top bar's index state: the notes listed by name and being read (tags and links follow),
 *  then the full text being indexed, a one-line notice when the persisted index could not be used,
 *  and one when changes on disk cannot all be followed (the file watcher failed). */
export function IndexStatus({ progress, index }: Pick<VaultData, 'progress' | 'index'>) {
  // The notices dismissed: each stays away until another line comes.
  const [dismissed, setDismissed] = useState<string[]>([]);
  const textPending = index?.stage === 'list';
  const source = index ? (index.fromCache > 0 ? 'cache' : 'files') : undefined;
  const title = index ? `${n(index.fromCache)} notes from the index cache, ${n(index.read)} read from their files` : undefined;
  return (
    <span className="index-status" data-index-source={source} data-index-stage={index?.stage} title={title}>
      {!progress && index?.stage === 'names' && (
        <span className="indexing" role="status">
          Reading notes…
        </span>
      )}
      {progress?.stage === 'read' && (
        <span className="indexing" role="status">
          Reading {n(progress.done)} / {n(progress.total)} notes…
          <progress max={progress.total} value={progress.done} />
        </span>
      )}
      {progress?.stage !== 'read' && (progress || textPending) && (
        <span className="indexing" role="status">
          {progress ? `Indexing full text ${n(progress.done)} / ${n(progress.total)}…` : 'Indexing full text…'}
          {progress && <progress max={progress.total} value={progress.done} />}
        </span>
      )}
      {[index?.notice, index?.watch].map(
        (line) => line && !dismissed.includes(line) && <IndexNotice key={line} line={line} onDismiss={() => setDismissed([...dismissed, line])} />,
      )}
    </span>
  );
}

import type { VaultEvent } from '../../../electron/contract.ts';

export function GraphView(_: { lastEvent: VaultEvent | null }) {
  return <p className="status">The graph of all notes is not built yet.</p>;
}

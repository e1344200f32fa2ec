import type { Route } from '../../useRoute.ts';
import type { VaultData } from '../../useVaultData.ts';
import { shortcutOf, type CommandId } from '../palette/commands.ts';
import { useLayout } from './layout-context.ts';
import { NOTE_SIDE_ID } from './NoteSide.tsx';
import { IndexStatus } from '../../IndexStatus.tsx';

interface Props {
  data: VaultData;
  route: Route;
  onCommand: (c: CommandId) => void;
}

/** Back/Forward, the vault's name, indexing progress, and the way to every view. */
export function TopBar({ data, route, onCommand }: Props) {
  const { narrow, sideOpen } = useLayout();
  const vaultName = data.info.state === 'ok' ? data.info.value.name : 'Cairn';
  const tip = (label: string, id: CommandId) => `${label} (${shortcutOf(id)})`;
  return (
    <header className="topbar">
      <button type="button" className="icon-button" aria-label="Back" title={tip('Back', 'back')} onClick={() => onCommand('back')}>
        ←
      </button>
      <button type="button" className="icon-button" aria-label="Forward" title={tip('Forward', 'forward')} onClick={() => onCommand('forward')}>
        →
      </button>
      <a className="vault-name" href="#/">
        {vaultName}
      </a>
      <IndexStatus progress={data.progress} index={data.index} />
      <button type="button" className="switcher-button" onClick={() => onCommand('quickSwitcher')} title={tip('Quick switcher', 'quickSwitcher')}>
        Go to note… <kbd>{shortcutOf('quickSwitcher')}</kbd>
      </button>
      <button type="button" className="topbar-button" onClick={() => onCommand('palette')} title={tip('All commands', 'palette')}>
        Commands
      </button>
      <a className="topbar-link" href="#/graph" aria-current={route.view === 'graph' ? 'page' : undefined} title={tip('Graph of all notes', 'graph')}>
        Graph
      </a>
      <a className="topbar-link" href="#/cards" aria-current={route.view === 'cards' ? 'page' : undefined}>
        Flashcards
      </a>
      <a className="topbar-link" href="#/exam" aria-current={route.view === 'exam' ? 'page' : undefined}>
        Exam
      </a>
      {narrow && route.view === 'note' && (
        <button
          type="button"
          className="topbar-button"
          aria-expanded={sideOpen}
          aria-controls={NOTE_SIDE_ID}
          title={tip('Outline and links', 'toggleSide')}
          onClick={() => onCommand('toggleSide')}
        >
          Outline &amp; links
        </button>
      )}
    </header>
  );
}

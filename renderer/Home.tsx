import { api } from './api.ts';
import { ApiState } from './ApiState.tsx';
import { noteHref } from './useRoute.ts';
import { shortcutOf } from './features/palette/commands.ts';
import type { VaultData } from './useVaultData.ts';

/** The start page: which vault is open, its size, and what could not be read. */
export function Home({ data }: { data: VaultData }) {
  const { info } = data;
  if (info.state === 'loading') return <ApiState value={info} loading="Opening the vault…" failed="" />;
  if (info.state === 'error') {
    return (
      <section className="home">
        <h1>No vault open</h1>
        <p className="error" role="alert">
          {info.message}
        </p>
        <OpenVaultButton />
      </section>
    );
  }
  const v = info.value;
  const shortcuts = (
    <>
      search with <kbd>{shortcutOf('search')}</kbd>, jump with <kbd>{shortcutOf('quickSwitcher')}</kbd>, or see every command with{' '}
      <kbd>{shortcutOf('palette')}</kbd>
    </>
  );
  return (
    <section className="home">
      <h1>{v.name}</h1>
      <p className="muted">{v.root}</p>
      {v.notes === 0 ? (
        <p className="empty">
          This vault has no notes yet. Add a <code>.md</code> file to the folder and it appears here.
        </p>
      ) : (
        <p>
          {v.notes} {v.notes === 1 ? 'note' : 'notes'}. Pick one on the left, {shortcuts}.
        </p>
      )}
      {v.canOpenVault && <OpenVaultButton />}
      {v.diagnostics.length > 0 && (
        <details className="diagnostics">
          <summary>
            {v.diagnostics.length} {v.diagnostics.length === 1 ? 'problem' : 'problems'} found while reading the vault
          </summary>
          <ul>
            {v.diagnostics.map((d, i) => (
              <li key={i}>
                <code>{d.code}</code> {/* A note's problem opens the note at its line; other files (calculators, skipped links) are not notes. */}
                {/\.md$/i.test(d.id) ? (
                  <a href={noteHref(d.id, null, d.line ?? null)}>
                    {d.id}
                    {d.line ? `:${d.line}` : ''}
                  </a>
                ) : (
                  <span>
                    {d.id}
                    {d.line ? `:${d.line}` : ''}
                  </span>
                )}{' '}
                — {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function OpenVaultButton() {
  if (api.transport !== 'electron') return null;
  return (
    <button type="button" onClick={() => void api.openVault({}).then((r) => r.ok && (location.hash = '#/'))}>
      Open vault…
    </button>
  );
}

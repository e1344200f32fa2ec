import type { NoteView } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { noteHref } from '../../useRoute.ts';
import { useTextIndexing } from '../../index-stage.ts';

/** Notes that name this one without linking to it. Asked apart from the note (and again each
 *  time the note is), so the note and its backlinks never wait for the look through the vault. */
export function UnlinkedMentions({ note }: { note: NoteView }) {
  const [mentions] = useApi((signal) => api.noteMentions({ id: note.id }, { signal }), [note]);
  // They are found in the full text: while it is being indexed, the look waits for it.
  const indexing = useTextIndexing();
  return (
    <section aria-label="Unlinked mentions">
      <h2>Unlinked mentions {mentions.state === 'ok' && <span className="count">{mentions.value.length}</span>}</h2>
      <ApiState
        value={mentions}
        loading={indexing ? 'Looking for mentions once the full text is indexed…' : 'Looking for mentions…'}
        failed="Could not look for mentions"
      >
        {(list) => (
          <>
            {list.length === 0 && <p className="empty">None.</p>}
            <ul>
              {list.map((m) => (
                <li key={m.id}>
                  <a href={noteHref(m.id)}>{m.title}</a> <span className="muted">mentions “{m.name}”</span>
                  <p className="context">{m.context}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </ApiState>
    </section>
  );
}

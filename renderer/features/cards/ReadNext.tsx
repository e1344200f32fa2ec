import type { SessionCard } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { noteHref } from '../../useRoute.ts';
import { readNextNotes } from './read-next.ts';

/** After an Again: the notes around the missed card's note, to read before it comes back. */
export function ReadNext({ card }: { card: SessionCard }) {
  const [note] = useApi((signal) => api.getNote({ id: card.noteId }, { signal }), [card.noteId]);
  const notes = note.state === 'ok' ? readNextNotes(note.value) : [];
  return (
    <aside className="read-next" aria-labelledby="read-next-heading">
      <h2 id="read-next-heading">Read next</h2>
      <p className="stat-note">
        You missed a card from <a href={noteHref(card.noteId)}>{card.noteTitle}</a>
        {notes.length > 0 ? '; these notes are linked to it:' : '.'}
      </p>
      {note.state === 'error' && <ApiState value={note} failed="Could not read the linked notes" />}
      {notes.length > 0 && (
        <ul>
          {notes.map((n) => (
            <li key={n.id}>
              <a href={noteHref(n.id)} title={n.id}>
                {n.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

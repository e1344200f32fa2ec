import type { NoteView } from '../../../electron/contract.ts';

/** The properties header: tags as chips that filter, aliases, dates. */
export function NoteProperties({ note, onTag }: { note: NoteView; onTag: (tag: string) => void }) {
  if (!note.tags.length && !note.aliases.length && !note.created && !note.modified) return null;
  return (
    <dl className="properties">
      {note.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd className="chips">
            {note.tags.map((t) => (
              <button key={t} className="chip tag-chip" onClick={() => onTag(t)} title={`Show notes tagged #${t}`}>
                #{t}
              </button>
            ))}
          </dd>
        </>
      )}
      {note.aliases.length > 0 && (
        <>
          <dt>Aliases</dt>
          <dd className="chips">
            {note.aliases.map((a) => (
              <span key={a} className="chip alias-chip">{a}</span>
            ))}
          </dd>
        </>
      )}
      {note.created && (
        <>
          <dt>Created</dt>
          <dd><time dateTime={note.created}>{note.created}</time></dd>
        </>
      )}
      {note.modified && (
        <>
          <dt>Modified</dt>
          <dd><time dateTime={note.modified}>{note.modified}</time></dd>
        </>
      )}
    </dl>
  );
}

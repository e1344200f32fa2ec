import type { NoteView } from '../../../electron/contract.ts';
import { noteHref, openNote } from '../../useRoute.ts';
import { propertyShape, type PropertyShape } from './property-value.ts';

/** Shown by their own rows (tags, aliases) or as the subtitle (title). */
const OWN_ROWS = new Set(['tags', 'tag', 'aliases', 'alias', 'title']);

type Resolve = (raw: string) => { target: string | null; subpath: string | null };

/** The properties header: tags as chips that filter, aliases, then every other property by type. */
export function NoteProperties({ note, onTag }: { note: NoteView; onTag: (tag: string) => void }) {
  const rest = Object.entries(note.frontmatter ?? {}).filter(([k]) => !OWN_ROWS.has(k.toLowerCase()));
  if (!note.tags.length && !note.aliases.length && rest.length === 0) return null;
  const propertyLinks = note.links.filter((l) => l.property);
  const resolve: Resolve = (raw) => {
    const link = propertyLinks.find((l) => l.raw === raw);
    return { target: link?.target ?? null, subpath: link?.subpath ?? null };
  };
  return (
    <dl className="properties">
      {note.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd className="chips">
            {note.tags.map((t) => (
              <button type="button" key={t} className="chip tag-chip" onClick={() => onTag(t)} title={`Show notes tagged #${t}`}>
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
              <span key={a} className="chip alias-chip">
                {a}
              </span>
            ))}
          </dd>
        </>
      )}
      {rest.map(([key, value]) => (
        <PropertyRow key={key} name={key} shape={propertyShape(value)} resolve={resolve} />
      ))}
    </dl>
  );
}

function PropertyRow({ name, shape, resolve }: { name: string; shape: PropertyShape; resolve: Resolve }) {
  return (
    <>
      <dt title={name}>{name}</dt>
      <dd className={`property property-${shape.type}`} data-property={name}>
        <PropertyValue shape={shape} resolve={resolve} />
      </dd>
    </>
  );
}

function PropertyValue({ shape, resolve }: { shape: PropertyShape; resolve: Resolve }) {
  switch (shape.type) {
    case 'empty':
      return <span className="muted">—</span>;
    case 'checkbox':
      return <input type="checkbox" checked={shape.checked} readOnly disabled aria-label={shape.checked ? 'true' : 'false'} />;
    case 'number':
      return <span className="property-number">{shape.value.toLocaleString()}</span>;
    case 'date':
      return <time dateTime={shape.iso}>{shape.text}</time>;
    case 'list':
      return (
        <span className="chips">
          {shape.items.map((item, i) => (
            <span key={i} className="chip">
              <PropertyValue shape={item} resolve={resolve} />
            </span>
          ))}
        </span>
      );
    case 'text':
      return (
        <>
          {shape.parts.map((p, i) =>
            p.kind === 'text' ? <span key={i}>{p.text}</span> : <PropertyLink key={i} raw={p.raw} text={p.text} resolve={resolve} />,
          )}
        </>
      );
  }
}

function PropertyLink({ raw, text, resolve }: { raw: string; text: string; resolve: Resolve }) {
  const { target, subpath } = resolve(raw);
  if (!target)
    return (
      <span className="internal-link is-unresolved" title={`Not created yet: ${raw}`}>
        {text}
      </span>
    );
  return (
    <a
      className="internal-link property-link"
      href={noteHref(target, subpath)}
      data-note={target}
      onClick={(e) => {
        e.preventDefault();
        openNote(target, subpath);
      }}
    >
      {text}
    </a>
  );
}

// Hash routes, so the browser's (and Electron's) history gives back/forward for free:
// #/note/<id>[?h=<heading>][&line=<n>], #/cards, #/exam[/practice|/browse], #/graph, #/ (home).
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'home' }
  | { view: 'note'; id: string; heading: string | null; line: number | null }
  | { view: 'cards' }
  | { view: 'graph' }
  | { view: 'exam'; tab: ExamTab };

export type ExamTab = 'plan' | 'practice' | 'browse';

export function parseRoute(hash: string): Route {
  const [pathPart, queryPart = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(queryPart);
  if (pathPart.startsWith('/note/')) {
    const line = Number(params.get('line'));
    return { view: 'note', id: decodeURIComponent(pathPart.slice(6)), heading: params.get('h'), line: Number.isInteger(line) && line > 0 ? line : null };
  }
  if (pathPart === '/cards') return { view: 'cards' };
  if (pathPart === '/exam' || pathPart.startsWith('/exam/')) {
    const tab = pathPart.slice(6);
    return { view: 'exam', tab: tab === 'practice' || tab === 'browse' ? tab : 'plan' };
  }
  if (pathPart === '/graph') return { view: 'graph' };
  return { view: 'home' };
}

export function noteHref(id: string, heading?: string | null, line?: number | null): string {
  const params = new URLSearchParams();
  if (heading) params.set('h', heading);
  if (line) params.set('line', String(line));
  const q = params.toString();
  return `#/note/${encodeURIComponent(id)}${q ? `?${q}` : ''}`;
}

export function openNote(id: string, heading?: string | null): void {
  const next = noteHref(id, heading);
  if (location.hash !== next) location.hash = next;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

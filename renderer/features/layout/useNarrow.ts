import { useEffect, useState } from 'react';

/** Below this width the outline and links leave the note's side for a drawer (styles.css uses the same figure). */
export const NARROW_QUERY = '(max-width: 1100px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const mq = matchMedia(NARROW_QUERY);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

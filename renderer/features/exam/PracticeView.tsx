import { useEffect, useRef } from 'react';
import { PracticeQuestionView } from './PracticeQuestionView.tsx';
import { PracticeResults } from './PracticeResults.tsx';
import { PracticeSetup } from './PracticeSetup.tsx';
import { usePractice } from './usePractice.ts';

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** A mock exam from a deck's exam questions: it never changes the study schedule. */
export function PracticeView() {
  const p = usePractice();
  // The handler reads the latest render's state through a ref and is attached once, with the view:
  // attached per render (or only once the test runs), a key pressed between a render and its effect
  // went to a stale handler (an Enter logging the pick before the last) or to none (a lost letter).
  const latest = useRef(p);
  latest.current = p;
  // Keys as in an exam session: A–D (or further letters) pick, Enter goes on.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const now = latest.current;
      if (now.state.phase !== 'running') return;
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof Element && e.target.closest(TYPING)) return;
      if (/^[a-z]$/i.test(e.key)) now.pick(e.key.toUpperCase());
      else if (e.key === 'Enter' && !(e.target instanceof Element && e.target.closest('button'))) {
        e.preventDefault();
        void now.next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="practice">
      {p.logError && (
        <p className="error" role="alert">
          {p.logError}
        </p>
      )}
      {p.state.phase === 'setup' && <PracticeSetup error={p.state.error} onStart={(o) => void p.start(o)} />}
      {p.state.phase === 'running' && (
        <PracticeQuestionView
          question={p.state.test.questions[p.state.index]}
          index={p.state.index}
          total={p.state.test.questions.length}
          picked={p.state.picked}
          deadline={p.state.deadline}
          onPick={p.pick}
          onNext={() => void p.next()}
        />
      )}
      {p.state.phase === 'done' && <PracticeResults test={p.state.test} answers={p.answers} timedOut={p.state.timedOut} onAgain={p.reset} />}
    </div>
  );
}

import { useState } from 'react';
import { api } from '../../api.ts';

/**
 * "Export to Anki…": the host builds the .apkg; the page saves it as a download (the browser's
 * own save, and Electron's download dialog) — the renderer never touches the file system.
 */
export function ExportAnki() {
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const run = async () => {
    setState({ busy: true, message: 'Building the package…', error: false });
    const r = await api.exportAnkiPackage({});
    if (!r.ok) return setState({ busy: false, message: `Export failed: ${r.error.message}`, error: true });
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setState({ busy: false, message: `Saved ${r.value.fileName}: ${r.value.notes} notes, ${r.value.media} images.`, error: false });
  };
  return (
    <div className="export-anki">
      <button
        type="button"
        className="study-button"
        onClick={() => void run()}
        disabled={state.busy}
        title="An .apkg package: imports in any Anki, updates on re-import"
      >
        Export to Anki…
      </button>
      {state.message && (
        <span role={state.error ? 'alert' : 'status'} className={state.error ? 'error' : 'stat-note'}>
          {' '}
          {state.message}
        </span>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { call } from '../common/api';
import { ErrorBanner } from '../common/ErrorBanner';
import { useQuery } from '../common/use-query';

export function StartScreen({ projectsDir, onQdpx }: { projectsDir: string; onQdpx: () => void }) {
  const recent = useQuery('projects.recent', {}, ['project-changed']);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState('');
  const [openPath, setOpenPath] = useState('');

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    action().then(
      () => setBusy(false),
      (e: Error) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const submit = (e: FormEvent, action: () => Promise<unknown>) => {
    e.preventDefault();
    run(action);
  };

  return (
    <main className="start-screen" aria-busy={busy}>
      <header className="start-header">
        <h1>Trellis</h1>
        <p>Qualitative coding of interview transcripts, with a live framework matrix.</p>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      <div className="start-grid">
        <section aria-labelledby="start-begin">
          <h2 id="start-begin">Begin</h2>
          <button type="button" className="primary" disabled={busy} onClick={() => run(() => call('project.createDemo', {}))}>
            Open the demo project
          </button>
          <p className="hint">
            Ten telephone interviews with Directors of Children's Services, coded by two coders with the Multiple Governance Framework.
          </p>
          <form onSubmit={(e) => submit(e, () => call('project.create', { file: newName.trim(), name: newName.trim() }))}>
            <label htmlFor="new-project">New project</label>
            <div className="row">
              <input id="new-project" value={newName} placeholder="Project name" onChange={(e) => setNewName(e.target.value)} />
              <button type="submit" disabled={busy || !newName.trim()}>
                Create
              </button>
            </div>
            <p className="hint">Saved in {projectsDir}</p>
          </form>
          <div>
            <button type="button" disabled={busy} onClick={onQdpx}>
              Import a REFI-QDA project (.qdpx)…
            </button>
            <p className="hint">A project from NVivo, ATLAS.ti, MAXQDA or QualCoder, as a new Trellis project.</p>
          </div>
          <form onSubmit={(e) => submit(e, () => call('project.open', { file: openPath.trim() }))}>
            <label htmlFor="open-project">Open a project file</label>
            <div className="row">
              <input id="open-project" value={openPath} placeholder="Study.trellis" onChange={(e) => setOpenPath(e.target.value)} />
              <button type="submit" disabled={busy || !openPath.trim()}>
                Open
              </button>
            </div>
            <p className="hint">
              A project in {projectsDir}. To open one elsewhere: File ▸ Open Project… in the desktop app, or start Trellis with --project
              FILE.
            </p>
          </form>
        </section>
        <section aria-labelledby="start-recent">
          <h2 id="start-recent">Recent projects</h2>
          {recent.data?.length ? (
            <ul className="recent">
              {recent.data.map((r) => (
                <li key={r.file}>
                  <button type="button" disabled={busy || !r.exists} onClick={() => run(() => call('project.open', { file: r.file }))}>
                    <span className="recent-name">{r.name}</span>
                    <span className="recent-file">{r.exists ? r.file : `${r.file} (missing)`}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">Projects you open appear here.</p>
          )}
        </section>
      </div>
    </main>
  );
}

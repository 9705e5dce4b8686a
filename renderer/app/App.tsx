import { StartScreen } from './StartScreen';
import { CoderViewScope } from './CoderViewScope';
import { Workspace } from './Workspace';
import { lazy, useState, useSyncExternalStore } from 'react';
import { Deferred } from '../common/Deferred';
import { hostLost, onHostLost } from '../common/api';
import { useQuery } from '../common/use-query';

// A dialog, loaded when first opened (see Deferred).
const QdpxExchange = lazy(() => import('./QdpxExchange').then((m) => ({ default: m.QdpxExchange })));

export function App() {
  const status = useQuery('app.status', {}, ['project-changed']);
  const lost = useSyncExternalStore(onHostLost, hostLost);
  // Held here, not in the workspace: importing into a new project replaces the workspace under the dialog.
  const [qdpx, setQdpx] = useState(false);
  // A tab left open across a restart can do nothing more: the whole page says so, and where to go.
  if (lost)
    return (
      <main className="host-lost" role="alert" aria-labelledby="host-lost-title">
        <h1 id="host-lost-title">This tab is no longer connected to Trellis</h1>
        <p>{lost}</p>
        <p>
          Find the new address where Trellis was started: the terminal running <code>npm start</code> or <code>npm run web</code> prints
          “running at http://…”; in the desktop app, choose Open in browser again. Your work is saved in the project file.
        </p>
      </main>
    );
  if (status.error)
    return (
      <p className="fatal" role="alert">
        Trellis cannot reach its backend: {status.error.message}
      </p>
    );
  if (!status.data) return null;
  const project = status.data.project;
  return (
    <>
      {project ? (
        <CoderViewScope key={project.file} projectGuid={project.guid}>
          <Workspace project={project} onQdpx={() => setQdpx(true)} />
        </CoderViewScope>
      ) : (
        <StartScreen projectsDir={status.data.projectsDir} onQdpx={() => setQdpx(true)} />
      )}
      {qdpx && (
        <Deferred quiet>
          <QdpxExchange projectName={project?.name ?? null} onClose={() => setQdpx(false)} />
        </Deferred>
      )}
    </>
  );
}

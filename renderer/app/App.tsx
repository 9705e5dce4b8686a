import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';
import { useQuery } from '../common/use-query';

export function App() {
  const status = useQuery('app.status', {}, ['project-changed']);
  if (status.error)
    return (
      <p className="fatal" role="alert">
        Trellis cannot reach its backend: {status.error.message}
      </p>
    );
  if (!status.data) return null;
  return status.data.project ? (
    <Workspace key={status.data.project.file} project={status.data.project} />
  ) : (
    <StartScreen projectsDir={status.data.projectsDir} />
  );
}

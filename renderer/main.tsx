import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// One cascade for the whole app, each feature's styles beside it: a later file wins a tie.
import './codebook/codebook.css';
import './common/Dialog.css';
import './documents/import/import.css';
import './common/base.css';
import './app/app.css';
import './documents/documents.css';
import './transcript/transcript.css';
import './app/help.css';
import './codebook/pane.css';
import './app/statusbar.css';
import './app/centre.css';
import './matrix/matrix.css';
import './search/search.css';
import './app/coder-files.css';
import './app/qdpx.css';
import './agreement/agreement.css';
import './excerpts/excerpts.css';
import './memos/memos.css';
import './cases/cases.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

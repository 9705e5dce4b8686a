// The selected coding's panel and the document memo, beside the text rather than under it, so the
// transcript keeps its height. Its width and whether it is collapsed are remembered per project.
import type { ReactNode } from 'react';
import { Splitter } from '../common/Splitter';
import { useStoredState } from '../common/use-stored-state';

export interface SideLayout {
  width: number;
  collapsed: boolean;
}

const WIDTH = { initial: 280, min: 220, max: 640 };

/** The panel's layout, remembered per project. */
export const useCodingSide = (projectGuid: string) =>
  useStoredState<SideLayout>(`codingPanel.${projectGuid}`, { width: WIDTH.initial, collapsed: false });

interface Props {
  side: SideLayout;
  setSide: (side: SideLayout) => void;
  /** Whether a coding is selected: the collapsed strip says so. */
  selected: boolean;
  children: ReactNode;
}

export function CodingSide({ side, setSide, selected, children }: Props) {
  if (side.collapsed)
    return (
      <section className="coding-side collapsed" aria-label="Coding panel">
        <button
          type="button"
          className="coding-side-toggle"
          aria-expanded={false}
          aria-controls="coding-side-body"
          title={selected ? 'Show the coding panel: a coding is selected' : 'Show the coding panel'}
          onClick={() => setSide({ ...side, collapsed: false })}
        >
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">Show coding panel</span>
          {selected && <span className="coding-side-dot" aria-hidden="true" />}
        </button>
        {/* Kept in the page while collapsed, so its keys (Delete, E) still act on the selected coding. */}
        <div id="coding-side-body" hidden>
          {children}
        </div>
      </section>
    );
  return (
    <section className="coding-side" aria-label="Coding panel" style={{ width: side.width }}>
      <Splitter
        label="Resize coding panel"
        value={side.width}
        min={WIDTH.min}
        max={WIDTH.max}
        direction={-1}
        onChange={(width) => setSide({ ...side, width })}
      />
      <div className="coding-side-head">
        <h3 className="pane-title">Coding</h3>
        <button
          type="button"
          className="icon-button"
          aria-expanded={true}
          aria-controls="coding-side-body"
          aria-label="Collapse coding panel"
          title="Collapse the coding panel"
          onClick={() => setSide({ ...side, collapsed: true })}
        >
          ›
        </button>
      </div>
      <div id="coding-side-body" className="coding-side-body">
        {children}
      </div>
    </section>
  );
}

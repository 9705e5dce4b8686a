import type { ResultOf } from '../../electron/api/methods';
import type { CodeInfo } from './codebook-index';
import type { Segment } from './optimistic-segments';
import type { Hover } from './use-hover-card';

type Coder = ResultOf<'coders.list'>['coders'][number];

/** The coders, codes and memos of the codings under the mouse. */
export function HoverCard({
  hover,
  segments,
  codes,
  coders,
}: {
  hover: Hover;
  segments: Segment[];
  codes: Map<number, CodeInfo>;
  coders: Coder[];
}) {
  const shown = segments.filter((s) => hover.ids.includes(s.id));
  return (
    <div className="hover-card" role="tooltip" style={{ left: Math.min(hover.x + 14, window.innerWidth - 340), top: hover.y + 16 }}>
      {shown.map((s) => {
        const coder = coders.find((c) => c.id === s.coderId);
        return (
          <div key={s.id} className="hover-segment">
            <div className="hover-coder">
              <span className="swatch" style={{ backgroundColor: coder?.color }} /> {coder?.name}
            </div>
            <ul>
              {s.codeIds.map((id) => (
                <li key={id}>
                  <span className="swatch" style={{ backgroundColor: codes.get(id)?.color }} /> {codes.get(id)?.path}
                </li>
              ))}
            </ul>
            {s.memo && <p className="hover-memo">{s.memo}</p>}
          </div>
        );
      })}
    </div>
  );
}

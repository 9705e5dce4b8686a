// Clock times as transcripts and caption files write them ("1:23", "00:01:23", "00:01:23.500", "00:01:23,500").

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** Milliseconds of a clock time, or null when the text is not one (minutes and seconds must be below 60). */
export function parseClock(text: string | undefined): number | null {
  const m = text === undefined ? null : CLOCK.exec(text.trim());
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (minutes > 59 || seconds > 59) return null;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/** "00:01:23" (whole seconds), the form exports and `trellis documents` print. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

// Every CSV and XLSX writer passes its text cells through here, so that a spreadsheet never runs a
// passage as a formula (CSV injection): text starting with =, +, -, @, a tab or a carriage return is
// written with a leading apostrophe and shows as the text it is.

const FORMULA_START = /^[=+\-@\t\r]/;

export const sheetText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A row of cells: text neutralised, numbers (and empty cells) as they are. */
export const sheetRow = (cells: (string | number | null)[]): (string | number | null)[] =>
  cells.map((c) => (typeof c === 'string' ? sheetText(c) : c));

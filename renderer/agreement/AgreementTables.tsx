import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { StatisticKey } from '../../shared/agreement-explain';
import { StatInfo } from './StatInfo';
import { bandOf, formatCoefficient } from './thresholds';

type Agreement = ResultOf<'agreement.compute'>;
type Row = Agreement['rows'][number];
type Group = Agreement['groups'][number];
type NumericKey = 'units' | 'both' | 'onlyA' | 'onlyB' | 'neither' | 'percent' | 'kappa' | 'alpha' | 'fleiss' | 'uAlphaBinary';

interface Column {
  key: NumericKey;
  label: string;
  statistic?: StatisticKey;
}

/** The columns this result has: counts and kappa for two coders, Fleiss for more (not by character), |uα by character. */
export function columnsOf(result: Agreement): Column[] {
  const two = result.coders.length === 2;
  const [a, b] = result.coders;
  return [
    { key: 'units', label: 'Units' },
    ...(two
      ? ([
          { key: 'both', label: 'Both' },
          { key: 'onlyA', label: `Only ${a}` },
          { key: 'onlyB', label: `Only ${b}` },
          { key: 'neither', label: 'Neither' },
        ] as Column[])
      : []),
    { key: 'percent', label: 'Agreement', statistic: 'percent' },
    ...(two ? ([{ key: 'kappa', label: 'Cohen κ', statistic: 'kappa' }] as Column[]) : []),
    { key: 'alpha', label: 'Krippendorff α', statistic: 'alpha' },
    ...(!two && result.unit !== 'character' ? ([{ key: 'fleiss', label: 'Fleiss κ', statistic: 'fleiss' }] as Column[]) : []),
    ...(result.unit === 'character' ? ([{ key: 'uAlphaBinary', label: '|uα', statistic: 'uAlphaBinary' }] as Column[]) : []),
  ];
}

const isCoefficient = (key: NumericKey) => key === 'kappa' || key === 'alpha' || key === 'fleiss' || key === 'uAlphaBinary';

function Cell({ row, column }: { row: Row; column: Column }) {
  const value = row[column.key];
  if (column.key === 'percent')
    return <td className="num">{value === null || value === undefined ? 'undefined' : `${(value * 100).toFixed(1)} %`}</td>;
  if (!isCoefficient(column.key)) return <td className="num">{value ?? ''}</td>;
  const band = bandOf(value);
  return (
    <td className={`num coef ${band}`} title={value === null || value === undefined ? (row.reason ?? 'undefined') : String(value)}>
      {formatCoefficient(value)}
    </td>
  );
}

function Head({
  label,
  columns,
  unit,
  sort,
  onSort,
}: {
  label: string;
  columns: Column[];
  unit: Agreement['unit'];
  sort?: { key: NumericKey | 'label'; descending: boolean };
  onSort?: (key: NumericKey | 'label') => void;
}) {
  const th = (key: NumericKey | 'label', text: string, statistic?: StatisticKey) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
      className={key === 'label' ? undefined : 'num'}
    >
      {onSort ? (
        <button type="button" className="sort" onClick={() => onSort(key)}>
          {text}
          {sort?.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
        </button>
      ) : (
        text
      )}
      {statistic && <StatInfo statistic={statistic} unit={unit} />}
    </th>
  );
  return (
    <thead>
      <tr>
        {th('label', label)}
        {columns.map((c) => th(c.key, c.label, c.statistic))}
        <th scope="col">Why undefined</th>
      </tr>
    </thead>
  );
}

function BodyRow({
  row,
  label,
  columns,
  selected,
  onSelect,
}: {
  row: Row;
  label: string;
  columns: Column[];
  selected?: boolean;
  onSelect?: () => void;
}) {
  return (
    <tr aria-selected={selected} onClick={onSelect} className={onSelect ? 'selectable' : undefined}>
      <th scope="row">
        {onSelect ? (
          <button type="button" className="row-pick" onClick={onSelect}>
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      {columns.map((c) => (
        <Cell key={c.key} row={row} column={c} />
      ))}
      <td className="reason">{row.reason ?? ''}</td>
    </tr>
  );
}

/** Per code pooled over documents, sortable by any column; the overall row at the foot. Picking a code shows its documents. */
export function CodeTable({
  result,
  selected,
  onSelect,
}: {
  result: Agreement;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const [sort, setSort] = useState<{ key: NumericKey | 'label'; descending: boolean }>({ key: 'label', descending: false });
  const columns = columnsOf(result);
  const rows = [...result.codes].sort((x, y) => {
    if (sort.key === 'label') return (sort.descending ? -1 : 1) * x.code!.localeCompare(y.code!);
    const [a, b] = [x[sort.key], y[sort.key]];
    // Undefined figures sort last either way.
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
    if (b === null || b === undefined) return -1;
    return (sort.descending ? -1 : 1) * (a - b);
  });
  return (
    <table className="agreement-table" aria-label="Agreement per code">
      <Head
        label="Code"
        columns={columns}
        unit={result.unit}
        sort={sort}
        onSort={(key) => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'label' })}
      />
      <tbody>
        {rows.map((row) => (
          <BodyRow
            key={row.code}
            row={row}
            label={row.code!}
            columns={columns}
            selected={row.code === selected}
            onSelect={() => onSelect(row.code!)}
          />
        ))}
      </tbody>
      <tfoot>
        <BodyRow row={result.overall} label="Overall (summed counts)" columns={columns} />
      </tfoot>
    </table>
  );
}

/** One code's figures per document. */
export function DocumentTable({ result, code }: { result: Agreement; code: string }) {
  const columns = columnsOf(result);
  return (
    <table className="agreement-table" aria-label={`Agreement per document for ${code}`}>
      <Head label="Document" columns={columns} unit={result.unit} />
      <tbody>
        {result.rows
          .filter((r) => r.code === code)
          .map((row) => (
            <BodyRow key={row.document} row={row} label={row.document!} columns={columns} />
          ))}
      </tbody>
    </table>
  );
}

/** The unitizing alphas of each group of mutually exclusive codes (character units only). */
export function GroupTable({ groups, unit }: { groups: Group[]; unit: Agreement['unit'] }) {
  const cell = (value: number | null, reason?: string) => (
    <td className={`num coef ${bandOf(value)}`} title={value === null ? (reason ?? 'undefined') : String(value)}>
      {formatCoefficient(value)}
    </td>
  );
  return (
    <table className="agreement-table" aria-label="Unitizing agreement per group of codes">
      <thead>
        <tr>
          <th scope="col">Group of mutually exclusive codes</th>
          <th scope="col" className="num">
            uα <StatInfo statistic="uAlpha" unit={unit} />
          </th>
          <th scope="col" className="num">
            |uα <StatInfo statistic="uAlphaBinary" unit={unit} />
          </th>
          <th scope="col" className="num">
            cuα (experimental) <StatInfo statistic="cuAlpha" unit={unit} />
          </th>
          <th scope="col">Why undefined</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">{g.group}</th>
            {cell(g.uAlpha, g.reason)}
            {cell(g.uAlphaBinary, g.reason)}
            {cell(g.cuAlpha, g.reason)}
            <td className="reason">{g.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

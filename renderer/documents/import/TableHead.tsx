/** The header row of the import dialog's tables; columns marked numeric align right. */
export function TableHead({ columns }: { columns: (string | { numeric: string })[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.numeric} scope="col" className="number">
              {c.numeric}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

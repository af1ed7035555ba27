/** A GOV.UK table's head from its column names; a name ending in " #" is a numeric (right-aligned) column. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c) => {
          const numeric = c.endsWith(" #");
          return (
            <th key={c} scope="col" className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`}>
              {numeric ? c.slice(0, -2) : c}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

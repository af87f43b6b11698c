import { TableHead } from './TableHead';

/** The Active Dynamics Companies, as the setup shows them and the sheet prints them. */
export function CompaniesTable({
  companies,
  className,
  label,
}: {
  companies: ReadonlyArray<{ id: string; name: string }>;
  className: string;
  label?: string;
}) {
  return (
    <table className={className} aria-label={label}>
      <TableHead columns={['Company Name', 'Company ID']} />
      <tbody>
        {companies.map((company) => (
          <tr key={company.id}>
            <td>{company.name}</td>
            <td>{company.id}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

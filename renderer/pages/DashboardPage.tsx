export function DashboardPage() {
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">Dashboard</h2>
      <p>Why are XOi notes present, late or missing? Open Appointments to find out.</p>
    </section>
  );
}

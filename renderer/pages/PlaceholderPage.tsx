export function PlaceholderPage({ title }: { title: string }) {
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">{title}</h2>
      <p>This page is not built yet.</p>
    </section>
  );
}

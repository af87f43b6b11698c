import type { Prerequisite } from '../../../shared/contract';

export function PrerequisiteList({ items }: { items: readonly Prerequisite[] }) {
  return (
    <ul className="prerequisites">
      {items.map((item) => (
        <li key={item.id} className={item.met ? 'met' : 'unmet'}>
          <span aria-hidden="true">{item.met ? '✔' : '✖'}</span> <strong>{item.label}</strong>:{' '}
          {item.met ? 'met' : 'not met'} ({item.detail})
          {item.met ? null : <div className="fix">What to do: {item.fix}</div>}
        </li>
      ))}
    </ul>
  );
}

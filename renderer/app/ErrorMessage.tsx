import type { AppError } from '../../shared/contract';

/** How every failure is shown: the sentence, then what to do next. Never a stack. */
export function ErrorMessage({ error, title }: { error: AppError; title?: string }) {
  return (
    <div className="error-box" role="alert">
      {title ? <strong>{title}: </strong> : null}
      <span>{error.message}</span>
      {error.nextStep ? <p className="next-step">{error.nextStep}</p> : null}
      <p className="error-code">Code: {error.code}</p>
    </div>
  );
}

/** Small building blocks shared by the screens: page frame, messages, badges, form fields. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { statusLabel } from '../labels';

/** A screen's heading: focused after navigation so screen readers announce the new page; sets the tab title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ZI Orchestrator`;
    heading.current?.focus();
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function ErrorMessage({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{error.title}</strong>
      {error.explanation !== error.title ? <span>: {error.explanation}</span> : null}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Memuat {what}…
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>;
}

/** A labelled input; every control in the UI has a visible label tied to it. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(hintId ? { 'aria-describedby': hintId } : {}) })}
      {hint ? (
        <small id={hintId} className="muted">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

/** A share as a bar with its number written next to it (never colour alone). */
export function ProgressBar({ share, label }: { share: number; label: string }) {
  const percent = Math.round(share * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{percent}%</span>
    </div>
  );
}

/** A refusal with every field error listed (a template or a submission can have many), the first `limit` shown. */
export function ProblemMessage({ error, limit = 12 }: { error: ApiError | undefined; limit?: number }) {
  if (!error) return null;
  if (error.errors.length === 0) return <ErrorMessage error={error} />;
  const shown = error.errors.slice(0, limit);
  return (
    <div className="alert alert-error" role="alert">
      <strong>{error.title}</strong>
      {error.detail && error.detail !== error.title ? <p>{error.detail}</p> : null}
      <ul className="field-errors">
        {shown.map((item, index) => (
          <li key={`${item.field}:${index}`}>
            <code>{item.field}</code>: {item.message}
          </li>
        ))}
      </ul>
      {error.errors.length > shown.length ? <p>…dan {error.errors.length - shown.length} lainnya.</p> : null}
    </div>
  );
}

/**
 * The score an LKE's answers earn, as POST /assessments/score computes it: totals per area and component, whether
 * WBK and WBBM are within reach, and every failed condition named with its shortfall. Recomputed shortly after the
 * answers change, so a person sees what an answer does before saving it.
 */
import { useEffect, useState } from 'react';
import { ApiError, post } from '../api/client';
import type { AssessmentResult, LkeAnswer } from '../api/types';
import { formatScore } from '../format';
import { failureText } from '../lke';
import { ErrorMessage } from './ui';

export interface LivePreview {
  result: AssessmentResult | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Scores `answers` with the template, 400 ms after they last changed; the previous result stays while waiting. */
export function useLivePreview(
  templateId: string | undefined,
  answers: Record<string, LkeAnswer> | undefined,
  prior: { priorPredicate?: string | null; revokedAt?: string | null } = {},
): LivePreview {
  const [result, setResult] = useState<AssessmentResult>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const body =
    templateId && answers
      ? JSON.stringify({
          templateId,
          // Sorted, so the same answers always make the same request (and no needless recomputation).
          answers: Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b))),
          ...(prior.priorPredicate ? { priorPredicate: prior.priorPredicate } : {}),
          ...(prior.revokedAt ? { revokedAt: prior.revokedAt } : {}),
        })
      : undefined;

  useEffect(() => {
    if (!body) return;
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      post<AssessmentResult>('/assessments/score', JSON.parse(body) as unknown)
        .then((scored) => {
          if (!current) return;
          setResult(scored);
          setError(undefined);
        })
        .catch((caught: unknown) => {
          if (current) setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
        })
        .finally(() => {
          if (current) setLoading(false);
        });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body]);

  return { result, error, loading };
}

const share = (score: number, weight: number) => (weight > 0 ? score / weight : 0);

export function ScorePreview({
  preview,
  title = 'Pratinjau nilai',
  caption,
}: {
  preview: LivePreview;
  title?: string;
  caption?: string;
}) {
  const { result, error, loading } = preview;
  return (
    <section className="card score-preview" aria-labelledby="pratinjau-judul" data-testid="pratinjau-nilai">
      <h2 id="pratinjau-judul">{title}</h2>
      {caption ? <p className="muted">{caption}</p> : null}
      <ErrorMessage error={error} />
      {!result ? (
        <p className="muted" role="status">
          {loading ? 'Menghitung nilai…' : 'Belum ada nilai.'}
        </p>
      ) : (
        <>
          <div className="preview-headline" role="status" aria-live="polite" aria-atomic="true">
            <p className="preview-total">
              Total <strong data-testid="nilai-total">{formatScore(result.total.score)}</strong> dari{' '}
              {formatScore(result.total.weight)}
            </p>
            <ul className="eligibility">
              {(['WBK', 'WBBM'] as const).map((predicate) => {
                const eligibility = result.eligibility[predicate];
                return (
                  <li key={predicate} className={eligibility.eligible ? 'eligible' : 'not-eligible'}>
                    <span aria-hidden="true">{eligibility.eligible ? '✓' : '✗'}</span> {predicate}:{' '}
                    {eligibility.eligible
                      ? 'memenuhi syarat'
                      : `belum memenuhi syarat (${eligibility.failures.length} syarat)`}
                  </li>
                );
              })}
            </ul>
          </div>
          {loading ? <p className="muted small">Menghitung ulang…</p> : null}
          <FailedConditions result={result} />
          <div className="table-scroll">
            <table className="score-table">
              <caption className="visually-hidden">Nilai per area dan komponen</caption>
              <thead>
                <tr>
                  <th scope="col">Komponen / area</th>
                  <th scope="col">Nilai</th>
                  <th scope="col">Bobot</th>
                </tr>
              </thead>
              <tbody>
                {result.pengungkit.areas.map((area) => (
                  <tr key={area.id} data-area={area.id}>
                    <th scope="row">
                      {area.name}
                      <div className="muted small">
                        Pemenuhan {formatScore(area.pemenuhan.score)} ({Math.round(area.pemenuhan.share * 100)}%) ·
                        Reform {formatScore(area.reform.score)} ({Math.round(area.reform.share * 100)}%)
                      </div>
                    </th>
                    <td>{formatScore(area.score)}</td>
                    <td>{formatScore(area.weight)}</td>
                  </tr>
                ))}
                <tr className="subtotal">
                  <th scope="row">Komponen pengungkit</th>
                  <td>{formatScore(result.pengungkit.score)}</td>
                  <td>{formatScore(result.pengungkit.weight)}</td>
                </tr>
                {result.hasil.indicators.map((indicator) => (
                  <tr key={indicator.id} data-area={indicator.id}>
                    <th scope="row">
                      {indicator.name}
                      <div className="muted small">
                        {indicator.group} · {Math.round(share(indicator.score, indicator.weight) * 100)}%
                      </div>
                    </th>
                    <td>{formatScore(indicator.score)}</td>
                    <td>{formatScore(indicator.weight)}</td>
                  </tr>
                ))}
                <tr className="subtotal">
                  <th scope="row">Komponen hasil</th>
                  <td>{formatScore(result.hasil.score)}</td>
                  <td>{formatScore(result.hasil.weight)}</td>
                </tr>
                <tr className="total">
                  <th scope="row">Total</th>
                  <td>{formatScore(result.total.score)}</td>
                  <td>{formatScore(result.total.weight)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {result.missingAnswers.length > 0 ? (
            <p className="muted" data-testid="belum-dijawab">
              {result.missingAnswers.length} pertanyaan belum dijawab (dihitung 0).
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function FailedConditions({ result }: { result: AssessmentResult }) {
  return (
    <>
      <h3 id="syarat-judul">Syarat yang tidak terpenuhi</h3>
      {result.failures.length === 0 ? (
        <p className="muted">Semua syarat WBK dan WBBM terpenuhi.</p>
      ) : (
        <ul className="failures" aria-labelledby="syarat-judul">
          {result.failures.map((failure) => (
            <li key={`${failure.predicate}:${failure.code}`} data-code={failure.code}>
              <span className={`badge predicate-${failure.predicate}`}>{failure.predicate}</span> {failureText(failure)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The answer control a question's answer type calls for: one option (ya/tidak, A…E with their criteria), two counts
 * for a percentage, or a survey index. An empty number field is kept as NaN so a half-typed answer is never sent.
 */
import { useId } from 'react';
import type { LkeAnswer } from '../api/types';
import { formatScore } from '../format';
import type { LkeQuestion, LkeTemplate } from '../lke';

/** Whether an answer can be sent: numbers present and not negative. Null (cleared) is complete. */
export function isComplete(answer: LkeAnswer | null | undefined): boolean {
  if (!answer) return true;
  switch (answer.kind) {
    case 'option':
      return answer.option !== '';
    case 'counts':
      return Number.isFinite(answer.numerator) && Number.isFinite(answer.denominator);
    case 'index':
      return Number.isFinite(answer.index);
  }
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const shown = (value: number): string => (Number.isFinite(value) ? String(value) : '');

export function AnswerControl({
  question,
  template,
  answer,
  onChange,
  disabled = false,
  label = 'Jawaban',
}: {
  question: LkeQuestion;
  template: LkeTemplate;
  answer: LkeAnswer | null | undefined;
  onChange(answer: LkeAnswer | null): void;
  disabled?: boolean;
  /** The legend: "Jawaban", or the layer's name where several layers sit side by side. */
  label?: string;
}) {
  const id = useId();
  switch (question.answerType) {
    case 'persentase': {
      const counts = answer?.kind === 'counts' ? answer : { numerator: Number.NaN, denominator: Number.NaN };
      const set = (next: Partial<{ numerator: number; denominator: number }>) =>
        onChange({ kind: 'counts', numerator: counts.numerator, denominator: counts.denominator, ...next });
      const share =
        Number.isFinite(counts.numerator) && Number.isFinite(counts.denominator) && counts.denominator > 0
          ? `${formatScore((counts.numerator / counts.denominator) * 100)}%`
          : undefined;
      return (
        <fieldset className="answer-control" disabled={disabled}>
          <legend>{label}</legend>
          <div className="row-fields">
            <label>
              {question.numeratorLabel}
              <input
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                className="inline-number"
                value={shown(counts.numerator)}
                onChange={(e) => set({ numerator: numberOf(e.target.value) })}
              />
            </label>
            <label>
              {question.denominatorLabel}
              <input
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                className="inline-number"
                value={shown(counts.denominator)}
                onChange={(e) => set({ denominator: numberOf(e.target.value) })}
              />
            </label>
            {share ? <span className="muted">= {share}</span> : null}
          </div>
        </fieldset>
      );
    }
    case 'indeks': {
      const index = answer?.kind === 'index' ? answer.index : Number.NaN;
      const max = template.conversion.indexMax;
      return (
        <fieldset className="answer-control" disabled={disabled}>
          <legend>{label}</legend>
          <label>
            Nilai indeks (0–{formatScore(max)})
            <input
              type="number"
              min={0}
              max={max}
              step="0.01"
              inputMode="decimal"
              className="inline-number"
              value={shown(index)}
              onChange={(e) => onChange({ kind: 'index', index: numberOf(e.target.value) })}
            />
          </label>
        </fieldset>
      );
    }
    default: {
      const chosen = answer?.kind === 'option' ? answer.option.toLowerCase() : undefined;
      return (
        <fieldset className="answer-control" disabled={disabled}>
          <legend>{label}</legend>
          <ul className="options">
            {question.options.map((option) => (
              <li key={option.code}>
                <label className="check">
                  <input
                    type="radio"
                    name={`${id}-jawaban`}
                    value={option.code}
                    checked={chosen === option.code.toLowerCase()}
                    onChange={() => onChange({ kind: 'option', option: option.code })}
                  />
                  <span>{question.answerType === 'ya_tidak' ? option.label : `${option.code}. ${option.label}`}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      );
    }
  }
}

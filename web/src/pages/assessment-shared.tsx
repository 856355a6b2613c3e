/**
 * What the penilaian screens share: the unit's assessment with its LKE template (and the unit's predicate history,
 * which scoring takes into account), addresses, the area navigation, evidence references and the names of the files
 * uploaded to the assessment.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, get } from '../api/client';
import type {
  AssessmentDetail,
  LkeAnswer,
  Page,
  PredicateHistory,
  StoredAnswer,
  StoredAssessmentFile,
} from '../api/types';
import { ProgressBar } from '../components/ui';
import { downloadFile } from '../download';
import { useResource } from '../hooks';
import { loadTemplate, type LkeSection, type LkeTemplate } from '../lke';
import { rolesIn } from '../session';
import type { Me } from '../api/types';

const enc = encodeURIComponent;
/** The assessment's address in the API (under /api/v1). */
export const assessmentApi = (cycleId: string, unitCode: string, rest = '') =>
  `/assessments/${enc(cycleId)}/${enc(unitCode)}${rest}`;
/** The assessment's screens in the UI. */
export const assessmentPage = (cycleId: string, unitCode: string, rest = '') =>
  `/penilaian/${enc(cycleId)}/${enc(unitCode)}${rest}`;

export interface AssessmentData {
  detail: AssessmentDetail | undefined;
  template: LkeTemplate | undefined;
  history: PredicateHistory | undefined;
  error: ApiError | undefined;
  /** Reads the assessment again; resolves once the screen has the new state. */
  refresh(): Promise<void>;
}

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, String(caught)));

export function useAssessment(cycleId: string, unitCode: string): AssessmentData {
  const [detail, setDetail] = useState<AssessmentDetail>();
  const [template, setTemplate] = useState<LkeTemplate>();
  const [history, setHistory] = useState<PredicateHistory>();
  const [error, setError] = useState<ApiError>();

  const refresh = useCallback(async () => {
    try {
      const next = await get<AssessmentDetail>(assessmentApi(cycleId, unitCode));
      setDetail(next);
      setError(undefined);
      setTemplate(await loadTemplate(next.templateId));
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, [cycleId, unitCode]);

  useEffect(() => {
    void refresh();
    // A unit never registered has no history to read (404): scoring then assumes no earlier predicate.
    get<PredicateHistory>(`/awards/units/${enc(unitCode)}`)
      .then(setHistory)
      .catch(() => setHistory(undefined));
  }, [refresh, unitCode]);

  return { detail, template, history, error, refresh };
}

/** The answers a layer stands for: its own, and the earlier layers' where it gave none (as the server reads them). */
export function effectiveAnswers(detail: AssessmentDetail, layer: string): Record<string, LkeAnswer> {
  const effective: Record<string, LkeAnswer> = {};
  for (const current of detail.layers.slice(0, detail.layers.indexOf(layer) + 1)) {
    for (const [questionId, given] of Object.entries(detail.answers[current] ?? {})) {
      if (given.answer === null) delete effective[questionId];
      else effective[questionId] = given.answer;
    }
  }
  return effective;
}

export const ownAnswer = (detail: AssessmentDetail, layer: string, questionId: string): StoredAnswer | undefined =>
  detail.answers[layer]?.[questionId];

export interface AssessmentRoles {
  answers: boolean;
  submits: boolean;
  reviews: boolean;
  approves: boolean;
  records: boolean;
}

/** What the person's roles in the unit let them do here (the API and the workflow still decide). */
export function assessmentRoles(me: Me, unitCode: string): AssessmentRoles {
  const roles = rolesIn(me, unitCode);
  return {
    answers: roles.some((role) => role === 'ketua_tim' || role === 'anggota_tim' || role === 'pimpinan'),
    submits: roles.includes('ketua_tim'),
    reviews: roles.includes('penilai'),
    approves: roles.includes('pimpinan'),
    records: me.instansiRoles.includes('admin_organisasi'),
  };
}

export function AreaNav({
  sections,
  selected,
  onSelect,
  progress,
}: {
  sections: LkeSection[];
  selected: string;
  onSelect(id: string): void;
  progress: (section: LkeSection) => { done: number; total: number; text: string };
}) {
  return (
    <nav className="area-nav" aria-label="Area LKE">
      <ul>
        {sections.map((section) => {
          const { done, total, text } = progress(section);
          return (
            <li key={section.id}>
              <button
                type="button"
                aria-pressed={section.id === selected}
                onClick={() => onSelect(section.id)}
                data-area={section.id}
              >
                <span className="area-name">{section.name}</span>
                <span className="area-progress muted">{text}</span>
                <ProgressBar share={total ? done / total : 0} label={`Kemajuan ${section.name}`} />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The names of the files uploaded to the assessment, by evidence reference (`file:<id>`), so evidence uploaded on an
 * earlier visit shows its name. `round` reads the list again (after an upload or a refresh).
 */
export function useAssessmentFileNames(cycleId: string, unitCode: string, round = 0): Record<string, string> {
  const files = useResource(
    () => get<Page<StoredAssessmentFile>>(assessmentApi(cycleId, unitCode, '/files')),
    `${cycleId}/${unitCode}/files#${round}`,
  );
  return useMemo(
    () => Object.fromEntries((files.data?.items ?? []).map((file) => [file.ref, file.name])),
    [files.data],
  );
}

/** Evidence references: links open in a new tab, uploaded files download through the API under their own name. */
export function EvidenceRefs({
  refs,
  cycleId,
  unitCode,
  fileNames,
  onRemove,
  onError,
}: {
  refs: readonly string[];
  cycleId: string;
  unitCode: string;
  fileNames: Record<string, string>;
  onRemove?: (ref: string) => void;
  onError(error: ApiError): void;
}) {
  if (refs.length === 0) return <span className="muted">Belum ada</span>;
  return (
    <ul className="evidence-refs">
      {refs.map((ref) => (
        <li key={ref}>
          {ref.startsWith('file:') ? (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void downloadFile(
                  assessmentApi(cycleId, unitCode, `/files/${ref.slice(5)}`),
                  fileNames[ref] ?? 'data-dukung',
                ).catch((caught: unknown) => onError(asApiError(caught)))
              }
            >
              {fileNames[ref] ?? `Berkas ${ref.slice(5, 13)}…`}
            </button>
          ) : (
            <a href={ref} target="_blank" rel="noreferrer noopener">
              {ref}
            </a>
          )}
          {onRemove ? (
            <button type="button" className="link-button remove" onClick={() => onRemove(ref)}>
              Hapus<span className="visually-hidden"> {fileNames[ref] ?? ref}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export { asApiError };

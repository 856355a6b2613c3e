/**
 * The unit's LKE form: one area at a time (progress per area beside it), per question the answer control of its
 * answer type, a note and evidence per required document (https links or files uploaded to the assessment), saved
 * question by question; a live score preview of everything on screen, saved or not; and, for the ketua tim, sending
 * the penilaian mandiri to the TPI. During tindak lanjut only the questions the TPI sent back can be changed.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, post } from '../api/client';
import type { AssessmentFile, LkeAnswer } from '../api/types';
import { AnswerControl, isComplete } from '../components/lke-answer';
import { ScorePreview, useLivePreview } from '../components/score-preview';
import { ErrorMessage, Field, Loading, Notice, PageTitle, ProblemMessage, ProgressBar } from '../components/ui';
import { formatInstant, formatScore } from '../format';
import { useZones } from '../hooks';
import { phaseLabel } from '../labels';
import {
  answerText,
  answerValue,
  questionsIn,
  sectionsOf,
  type LkeQuestion,
  type LkeSection,
  type LkeTemplate,
} from '../lke';
import { Link, setSearch, useLocation } from '../router';
import { useMe } from '../session';
import {
  AreaNav,
  asApiError,
  assessmentApi,
  assessmentPage,
  assessmentRoles,
  EvidenceRefs,
  useAssessment,
  useAssessmentFileNames,
} from './assessment-shared';

/** What a question holds while it is being edited. */
interface Draft {
  answer: LkeAnswer | null;
  note: string;
  evidence: Record<string, string[]>;
}

const hasEvidence = (question: LkeQuestion, evidence: Record<string, string[]>) =>
  question.requiredEvidence.every((document) => (evidence[document] ?? []).length > 0);

export function LkeFormPage({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const me = useMe();
  const zone = useZones()(unitCode);
  const { search } = useLocation();
  const data = useAssessment(cycleId, unitCode);
  const { detail, template, history } = data;
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [links, setLinks] = useState<Record<string, string>>({});
  // Names of files uploaded on earlier visits (from the API), and of this visit's uploads as they are made.
  const listedNames = useAssessmentFileNames(cycleId, unitCode);
  const [uploadedNames, setFileNames] = useState<Record<string, string>>({});
  const fileNames = useMemo(() => ({ ...listedNames, ...uploadedNames }), [listedNames, uploadedNames]);
  const [busy, setBusy] = useState<string>();
  const [questionErrors, setQuestionErrors] = useState<Record<string, ApiError | undefined>>({});
  const [questionNotices, setQuestionNotices] = useState<Record<string, string | undefined>>({});
  const [pageError, setPageError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [submitNote, setSubmitNote] = useState('');
  /** Questions edited on this visit stay on screen under a filter, even once they no longer match it. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const filter = search.get('tampil') ?? 'semua';

  const sections = useMemo(() => (template ? sectionsOf(template) : []), [template]);
  const numbers = useMemo(() => {
    const map = new Map<string, number>();
    sections.flatMap(questionsIn).forEach((question, index) => map.set(question.id, index + 1));
    return map;
  }, [sections]);

  const saved = (question: LkeQuestion): Draft => ({
    answer: detail?.answers.unit?.[question.id]?.answer ?? null,
    note: detail?.answers.unit?.[question.id]?.note ?? '',
    evidence: { ...(detail?.evidence[question.id] ?? {}) },
  });
  const current = (question: LkeQuestion): Draft => drafts[question.id] ?? saved(question);

  // The preview scores what is on screen: the unit's saved answers with every complete edit laid over them.
  const previewAnswers = useMemo(() => {
    if (!detail) return undefined;
    const answers: Record<string, LkeAnswer> = {};
    for (const [questionId, given] of Object.entries(detail.answers.unit ?? {})) {
      if (given.answer) answers[questionId] = given.answer;
    }
    for (const [questionId, draft] of Object.entries(drafts)) {
      if (draft.answer && isComplete(draft.answer)) answers[questionId] = draft.answer;
      else delete answers[questionId];
    }
    return answers;
  }, [detail, drafts]);
  const preview = useLivePreview(detail?.templateId, previewAnswers, {
    priorPredicate: history?.current,
    revokedAt: history?.revokedAt,
  });

  if (data.error && !detail) {
    return (
      <section>
        <PageTitle title="Formulir LKE">Formulir LKE</PageTitle>
        <ErrorMessage error={data.error} />
      </section>
    );
  }
  if (!detail || !template) return <Loading what="LKE" />;

  const roles = assessmentRoles(me, unitCode);
  const unitWindow = detail.answerWindow?.layer === 'unit' ? detail.answerWindow : undefined;
  const editable = (questionId: string) =>
    roles.answers &&
    unitWindow !== undefined &&
    (unitWindow.questionIds === 'all' || unitWindow.questionIds.includes(questionId));
  const followUp = detail.followUps.find((round) => !round.closedAt);
  const dirty = Object.keys(drafts);
  const allQuestions = sections.flatMap(questionsIn);
  const answeredCount = allQuestions.filter((q) => current(q).answer && isComplete(current(q).answer)).length;
  const evidenceCount = allQuestions.filter((q) => hasEvidence(q, current(q).evidence)).length;
  const selected = sections.find((section) => section.id === search.get('area')) ?? sections[0]!;
  const progressOf = (section: LkeSection) => {
    const questions = questionsIn(section);
    const answered = questions.filter((q) => current(q).answer && isComplete(current(q).answer)).length;
    const evidenced = questions.filter((q) => hasEvidence(q, current(q).evidence)).length;
    const complete = questions.filter(
      (q) => current(q).answer && isComplete(current(q).answer) && hasEvidence(q, current(q).evidence),
    ).length;
    return {
      done: complete,
      total: questions.length,
      text: `${answered}/${questions.length} dijawab · ${evidenced}/${questions.length} data dukung lengkap`,
    };
  };

  const shown = (question: LkeQuestion) => {
    if (touched.has(question.id)) return true;
    if (filter === 'belum') {
      const draft = current(question);
      return !(draft.answer && isComplete(draft.answer) && hasEvidence(question, draft.evidence));
    }
    if (filter === 'tindak-lanjut') return followUp?.questionIds.includes(question.id) ?? false;
    return true;
  };

  const edit = (question: LkeQuestion, change: Partial<Draft>) => {
    if (!touched.has(question.id)) setTouched(new Set([...touched, question.id]));
    setDrafts((all) => ({ ...all, [question.id]: { ...(all[question.id] ?? saved(question)), ...change } }));
    setQuestionNotices((all) => ({ ...all, [question.id]: undefined }));
  };
  const discard = (question: LkeQuestion) =>
    setDrafts((all) => {
      const rest = { ...all };
      delete rest[question.id];
      return rest;
    });

  const addRef = (question: LkeQuestion, document: string, ref: string) => {
    const evidence = current(question).evidence;
    const refs = evidence[document] ?? [];
    if (!refs.includes(ref)) edit(question, { evidence: { ...evidence, [document]: [...refs, ref] } });
  };
  const removeRef = (question: LkeQuestion, document: string, ref: string) => {
    const evidence = current(question).evidence;
    edit(question, { evidence: { ...evidence, [document]: (evidence[document] ?? []).filter((r) => r !== ref) } });
  };

  const linkKey = (question: LkeQuestion, document: string) => `${question.id}\u0000${document}`;
  const addLink = (question: LkeQuestion, document: string) => {
    const key = linkKey(question, document);
    const link = (links[key] ?? '').trim();
    if (!/^https:\/\/\S+$/.test(link)) {
      setQuestionErrors((all) => ({
        ...all,
        [question.id]: new ApiError(400, 'Tautan tidak valid', `Tautan untuk "${document}" harus diawali https://`),
      }));
      return;
    }
    setQuestionErrors((all) => ({ ...all, [question.id]: undefined }));
    addRef(question, document, link);
    setLinks((all) => ({ ...all, [key]: '' }));
  };

  const upload = async (question: LkeQuestion, document: string, file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set('document', document);
    form.set('file', file, file.name);
    setBusy(`upload:${question.id}`);
    setQuestionErrors((all) => ({ ...all, [question.id]: undefined }));
    try {
      const stored = await api<AssessmentFile>('POST', assessmentApi(cycleId, unitCode, '/files'), { form });
      setFileNames((all) => ({ ...all, [stored.ref]: stored.name }));
      addRef(question, document, stored.ref);
      setQuestionNotices((all) => ({
        ...all,
        [question.id]: `Berkas ${stored.name} terunggah untuk "${document}". Simpan jawaban untuk melampirkannya.`,
      }));
    } catch (caught) {
      setQuestionErrors((all) => ({ ...all, [question.id]: asApiError(caught) }));
    } finally {
      setBusy(undefined);
    }
  };

  const save = async (question: LkeQuestion) => {
    const draft = current(question);
    if (!isComplete(draft.answer)) {
      setQuestionErrors((all) => ({
        ...all,
        [question.id]: new ApiError(400, 'Jawaban belum lengkap', 'Isi kedua bilangan atau nilai indeksnya.'),
      }));
      return;
    }
    setBusy(`save:${question.id}`);
    setQuestionErrors((all) => ({ ...all, [question.id]: undefined }));
    try {
      const evidence = Object.fromEntries(
        question.requiredEvidence.map((document) => [document, draft.evidence[document] ?? []]),
      );
      await api('PUT', assessmentApi(cycleId, unitCode, `/answers/${question.id}`), {
        body: { answer: draft.answer, note: draft.note.trim(), evidence },
      });
      await data.refresh();
      discard(question);
      setQuestionNotices((all) => ({ ...all, [question.id]: 'Jawaban tersimpan.' }));
    } catch (caught) {
      setQuestionErrors((all) => ({ ...all, [question.id]: asApiError(caught) }));
    } finally {
      setBusy(undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('submit');
    setPageError(undefined);
    setDone(undefined);
    try {
      await post(assessmentApi(cycleId, unitCode, '/submit'), submitNote.trim() ? { note: submitNote.trim() } : {});
      await data.refresh();
      setDone('Penilaian mandiri terkirim ke TPI.');
      setSubmitNote('');
    } catch (caught) {
      setPageError(asApiError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const title = `Formulir LKE ${detail.unitName}`;
  return (
    <article className="lke-page">
      <p>
        <Link to={assessmentPage(cycleId, unitCode)}>← Ringkasan penilaian</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">
        {detail.cycleName ?? cycleId} · {phaseLabel(detail.phase)} · templat {detail.templateId} versi{' '}
        {detail.templateVersion}
      </p>

      {!unitWindow ? (
        <Notice>
          Jawaban unit tidak dapat diubah pada tahap ini ({phaseLabel(detail.phase)}). Formulir ditampilkan untuk
          dibaca.
        </Notice>
      ) : !roles.answers ? (
        <Notice>Formulir ini diisi oleh tim kerja dan pimpinan unit; Anda dapat membacanya.</Notice>
      ) : null}
      {followUp && unitWindow ? (
        <Notice kind="warning">
          <strong>Tindak lanjut hasil evaluasi TPI:</strong> {followUp.questionIds.length} pertanyaan dikembalikan,
          tenggat {formatInstant(followUp.due, zone)}. {followUp.note ? `“${followUp.note}”` : ''}{' '}
          {followUp.taskId ? (
            <Link to={`/tugas/${encodeURIComponent(followUp.taskId)}`}>Buka tugas tindak lanjut</Link>
          ) : null}
        </Notice>
      ) : null}
      <ErrorMessage error={data.error} />
      <ProblemMessage error={pageError} />
      {done ? <Notice kind="success">{done}</Notice> : null}

      <section className="lke-overall" aria-label="Kemajuan pengisian">
        <p>
          <strong>{answeredCount}</strong> dari {allQuestions.length} pertanyaan dijawab ·{' '}
          <strong>{evidenceCount}</strong> dari {allQuestions.length} lengkap data dukungnya
          {dirty.length > 0 ? <span className="unsaved-count"> · {dirty.length} jawaban belum disimpan</span> : null}
        </p>
        <ProgressBar share={answeredCount / Math.max(1, allQuestions.length)} label="Pertanyaan dijawab" />
      </section>

      <div className="lke-layout">
        <div className="lke-main">
          <AreaNav
            sections={sections}
            selected={selected.id}
            onSelect={(id) => setSearch({ area: id })}
            progress={progressOf}
          />
          <div className="filters">
            <Field label="Tampilkan pertanyaan">
              {(props) => (
                <select
                  {...props}
                  value={filter}
                  onChange={(e) => setSearch({ tampil: e.target.value === 'semua' ? '' : e.target.value })}
                >
                  <option value="semua">Semua pertanyaan</option>
                  <option value="belum">Belum lengkap</option>
                  {followUp ? <option value="tindak-lanjut">Tindak lanjut TPI</option> : null}
                </select>
              )}
            </Field>
          </div>
          <section aria-labelledby="area-judul" className="lke-area">
            <h2 id="area-judul">
              {selected.name} <span className="muted">(bobot {formatScore(selected.weight)})</span>
            </h2>
            {selected.groups.map((group) => (
              <section key={group.title} className="lke-group">
                <h3>{group.title}</h3>
                {group.subAreas.map((subArea) => {
                  const questions = subArea.questions.filter(shown);
                  if (questions.length === 0) return null;
                  return (
                    <section key={subArea.id} className="lke-subarea">
                      <h4>
                        {subArea.name} <span className="muted">(bobot {formatScore(subArea.weight)})</span>
                      </h4>
                      {questions.map((question) => (
                        <QuestionCard
                          key={question.id}
                          number={numbers.get(question.id) ?? 0}
                          question={question}
                          template={template}
                          draft={current(question)}
                          dirty={question.id in drafts}
                          editable={editable(question.id)}
                          returned={followUp?.questionIds.includes(question.id) ?? false}
                          value={
                            isComplete(current(question).answer)
                              ? answerValue(template, question, current(question).answer)
                              : undefined
                          }
                          busy={busy}
                          error={questionErrors[question.id]}
                          notice={questionNotices[question.id]}
                          links={links}
                          linkKey={linkKey}
                          fileNames={fileNames}
                          cycleId={cycleId}
                          unitCode={unitCode}
                          onEdit={(change) => edit(question, change)}
                          onLink={(document, text) =>
                            setLinks((all) => ({ ...all, [linkKey(question, document)]: text }))
                          }
                          onAddLink={(document) => addLink(question, document)}
                          onRemoveRef={(document, ref) => removeRef(question, document, ref)}
                          onUpload={(document, file) => void upload(question, document, file)}
                          onSave={() => void save(question)}
                          onDiscard={() => discard(question)}
                          onError={(error) => setQuestionErrors((all) => ({ ...all, [question.id]: error }))}
                        />
                      ))}
                    </section>
                  );
                })}
              </section>
            ))}
          </section>

          {detail.phase === 'mandiri' && roles.submits ? (
            <form className="card" onSubmit={(e) => void submit(e)}>
              <h2>Kirim penilaian mandiri ke TPI</h2>
              <p>
                Setiap pertanyaan harus dijawab dan setiap dokumen wajib dilampiri data dukung. Saat ini {answeredCount}{' '}
                dari {allQuestions.length} dijawab dan {evidenceCount} lengkap data dukungnya.
              </p>
              {dirty.length > 0 ? (
                <Notice kind="warning">Simpan atau batalkan {dirty.length} jawaban yang belum disimpan dahulu.</Notice>
              ) : null}
              <Field label="Catatan untuk TPI (opsional)">
                {(props) => (
                  <textarea {...props} rows={2} value={submitNote} onChange={(e) => setSubmitNote(e.target.value)} />
                )}
              </Field>
              <button type="submit" className="primary" disabled={busy !== undefined || dirty.length > 0}>
                {busy === 'submit' ? 'Mengirim…' : 'Kirim ke TPI'}
              </button>
            </form>
          ) : detail.phase === 'mandiri' && roles.answers ? (
            <Notice>Ketua tim mengirim penilaian mandiri ke TPI setelah semua pertanyaan lengkap.</Notice>
          ) : null}
        </div>
        <aside className="lke-aside">
          <ScorePreview
            preview={preview}
            title="Pratinjau nilai"
            caption={
              dirty.length > 0
                ? `Jawaban unit, termasuk ${dirty.length} perubahan yang belum disimpan.`
                : 'Jawaban unit yang tersimpan.'
            }
          />
        </aside>
      </div>
    </article>
  );
}

function QuestionCard({
  number,
  question,
  template,
  draft,
  dirty,
  editable,
  returned,
  value,
  busy,
  error,
  notice,
  links,
  linkKey,
  fileNames,
  cycleId,
  unitCode,
  onEdit,
  onLink,
  onAddLink,
  onRemoveRef,
  onUpload,
  onSave,
  onDiscard,
  onError,
}: {
  number: number;
  question: LkeQuestion;
  template: LkeTemplate;
  draft: Draft;
  dirty: boolean;
  editable: boolean;
  returned: boolean;
  value: number | undefined;
  busy: string | undefined;
  error: ApiError | undefined;
  notice: string | undefined;
  links: Record<string, string>;
  linkKey(question: LkeQuestion, document: string): string;
  fileNames: Record<string, string>;
  cycleId: string;
  unitCode: string;
  onEdit(change: Partial<Draft>): void;
  onLink(document: string, text: string): void;
  onAddLink(document: string): void;
  onRemoveRef(document: string, ref: string): void;
  onUpload(document: string, file: File | undefined): void;
  onSave(): void;
  onDiscard(): void;
  onError(error: ApiError): void;
}) {
  const headingId = `q-${question.id}-judul`;
  const answered = Boolean(draft.answer) && isComplete(draft.answer);
  const evidenced = hasEvidence(question, draft.evidence);
  const state = dirty
    ? 'Belum disimpan'
    : answered && evidenced
      ? 'Lengkap'
      : answered
        ? 'Data dukung kurang'
        : 'Belum dijawab';
  return (
    <article
      id={`q-${question.id}`}
      data-question={question.id}
      className={`question-card${dirty ? ' dirty' : ''}${returned ? ' returned' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="question-head">
        <h5 id={headingId}>
          <span className="q-number">{number}.</span> {question.text}
        </h5>
        <div className="question-meta">
          <span className={`badge state-${dirty ? 'dirty' : answered && evidenced ? 'complete' : 'incomplete'}`}>
            {state}
          </span>
          {returned ? <span className="badge escalation-badge">Tindak lanjut</span> : null}
          <span className="muted" data-testid="nilai-pertanyaan">
            Nilai {value === undefined ? '—' : formatScore(value)}
          </span>
        </div>
      </header>

      {editable ? (
        <AnswerControl
          question={question}
          template={template}
          answer={draft.answer}
          onChange={(answer) => onEdit({ answer })}
        />
      ) : (
        <p>
          <strong>Jawaban:</strong> {answerText(question, draft.answer)}
        </p>
      )}

      {editable ? (
        <Field label={`Catatan untuk pertanyaan ${number}`}>
          {(props) => (
            <textarea {...props} rows={2} value={draft.note} onChange={(e) => onEdit({ note: e.target.value })} />
          )}
        </Field>
      ) : draft.note ? (
        <p>
          <strong>Catatan:</strong> {draft.note}
        </p>
      ) : null}

      <div className="evidence-block">
        <strong>Data dukung</strong>
        <ul className="checklist">
          {question.requiredEvidence.map((document) => {
            const refs = draft.evidence[document] ?? [];
            const key = linkKey(question, document);
            return (
              <li key={document} className={refs.length ? 'present' : 'absent'}>
                <span className="check-mark" aria-hidden="true">
                  {refs.length ? '✓' : '○'}
                </span>
                <div>
                  <span>{document}</span>
                  <span className="visually-hidden">{refs.length ? ' (tersedia)' : ' (belum ada)'}</span>
                  <EvidenceRefs
                    refs={refs}
                    cycleId={cycleId}
                    unitCode={unitCode}
                    fileNames={fileNames}
                    onRemove={editable ? (ref) => onRemoveRef(document, ref) : undefined}
                    onError={onError}
                  />
                  {editable ? (
                    <div className="evidence-inputs">
                      <label>
                        Tautan https untuk {document}
                        <input
                          type="url"
                          placeholder="https://"
                          value={links[key] ?? ''}
                          onChange={(e) => onLink(document, e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              onAddLink(document);
                            }
                          }}
                        />
                      </label>
                      <button type="button" onClick={() => onAddLink(document)}>
                        Tambah tautan<span className="visually-hidden"> untuk {document}</span>
                      </button>
                      <label>
                        Unggah berkas untuk {document}
                        <input
                          type="file"
                          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.doc,.xls,.zip,.txt,.csv"
                          disabled={busy !== undefined}
                          onChange={(e) => {
                            onUpload(document, e.target.files?.[0]);
                            e.target.value = '';
                          }}
                        />
                      </label>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </div>

      <ErrorMessage error={error} />
      {notice ? (
        <p className="question-notice" role="status">
          {notice}
        </p>
      ) : null}
      {editable ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy !== undefined || !dirty} onClick={onSave}>
            {busy === `save:${question.id}` ? 'Menyimpan…' : 'Simpan jawaban'}
            <span className="visually-hidden"> pertanyaan {number}</span>
          </button>
          {dirty ? (
            <button type="button" onClick={onDiscard} disabled={busy !== undefined}>
              Batalkan perubahan<span className="visually-hidden"> pertanyaan {number}</span>
            </button>
          ) : null}
          {draft.answer ? (
            <button type="button" className="link-button" onClick={() => onEdit({ answer: null })}>
              Kosongkan jawaban<span className="visually-hidden"> pertanyaan {number}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/**
 * The TPI layer view: per question, side by side, the unit's answer with its note and evidence, each earlier review
 * layer's answer, value and note, and — for the penilai while their layer reviews — the layer's own editable answer
 * and note. A layer that leaves a question alone agrees with the layer before it, as in the LKE spreadsheet. The
 * layer is completed by forwarding it (to the next layer, or the final score) or by sending chosen questions back to
 * the unit for tindak lanjut with a deadline and a note.
 */
import { useMemo, useState } from 'react';
import { api, ApiError, post } from '../api/client';
import type { AssessmentDetail, LkeAnswer } from '../api/types';
import { AnswerControl, isComplete } from '../components/lke-answer';
import { ScorePreview, useLivePreview, type LivePreview } from '../components/score-preview';
import { ErrorMessage, Field, Loading, Notice, PageTitle, ProblemMessage } from '../components/ui';
import { formatInstant, formatScore, todayWib } from '../format';
import { useZones } from '../hooks';
import { layerLabel, phaseLabel } from '../labels';
import { answerText, answerValue, questionsIn, sectionsOf, type LkeQuestion, type LkeSection } from '../lke';
import { Link, setSearch, useLocation } from '../router';
import { useMe } from '../session';
import {
  AreaNav,
  asApiError,
  assessmentApi,
  assessmentPage,
  assessmentRoles,
  effectiveAnswers,
  EvidenceRefs,
  ownAnswer,
  useAssessment,
  useAssessmentFileNames,
} from './assessment-shared';

interface LayerDraft {
  answer: LkeAnswer | null;
  note: string;
}

/** The layers whose answers exist to be read: up to the one reviewing now (or that asked for tindak lanjut). */
function visibleLayers(detail: AssessmentDetail): string[] {
  const upTo = (layer: string) => detail.layers.slice(0, detail.layers.indexOf(layer) + 1);
  switch (detail.phase) {
    case 'mandiri':
      return ['unit'];
    case 'review':
      return upTo(detail.currentLayer);
    case 'tindak_lanjut': {
      const open = detail.followUps.find((round) => !round.closedAt);
      return upTo(open?.layer ?? detail.currentLayer);
    }
    default:
      return detail.layers;
  }
}

const sameAnswer = (a: LkeAnswer | null | undefined, b: LkeAnswer | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function LkeLayersPage({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const me = useMe();
  const zone = useZones()(unitCode);
  const { search } = useLocation();
  const data = useAssessment(cycleId, unitCode);
  const fileNames = useAssessmentFileNames(cycleId, unitCode);
  const { detail, template, history } = data;
  const [drafts, setDrafts] = useState<Record<string, LayerDraft>>({});
  const [returned, setReturned] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [layerNote, setLayerNote] = useState('');
  const [busy, setBusy] = useState<string>();
  const [questionErrors, setQuestionErrors] = useState<Record<string, ApiError | undefined>>({});
  const [questionNotices, setQuestionNotices] = useState<Record<string, string | undefined>>({});
  const [pageError, setPageError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const filter = search.get('tampil') ?? 'semua';

  const roles = assessmentRoles(me, unitCode);
  const editing = detail && detail.phase === 'review' && roles.reviews ? detail.currentLayer : undefined;
  const sections = useMemo(() => (template ? sectionsOf(template) : []), [template]);
  const numbers = useMemo(() => {
    const map = new Map<string, number>();
    sections.flatMap(questionsIn).forEach((question, index) => map.set(question.id, index + 1));
    return map;
  }, [sections]);

  const effectiveByLayer = useMemo(() => {
    const byLayer = new Map<string, Record<string, LkeAnswer>>();
    if (detail) for (const layer of detail.layers) byLayer.set(layer, effectiveAnswers(detail, layer));
    return byLayer;
  }, [detail]);

  const previewAnswers = useMemo(() => {
    if (!editing) return undefined;
    const answers = { ...(effectiveByLayer.get(editing) ?? {}) };
    for (const [questionId, draft] of Object.entries(drafts)) {
      if (draft.answer && isComplete(draft.answer)) answers[questionId] = draft.answer;
      else if (!draft.answer) delete answers[questionId];
    }
    return answers;
  }, [editing, effectiveByLayer, drafts]);
  const live = useLivePreview(editing ? detail?.templateId : undefined, previewAnswers, {
    priorPredicate: history?.current,
    revokedAt: history?.revokedAt,
  });

  if (data.error && !detail) {
    return (
      <section>
        <PageTitle title="Evaluasi TPI">Evaluasi TPI</PageTitle>
        <ErrorMessage error={data.error} />
      </section>
    );
  }
  if (!detail || !template) return <Loading what="penilaian" />;

  const layers = visibleLayers(detail);
  const earlier = editing ? layers.slice(0, layers.indexOf(editing)) : layers;
  const previousOf = (layer: string) => detail.layers[detail.layers.indexOf(layer) - 1] ?? 'unit';
  const nextLayer = editing ? detail.layers[detail.layers.indexOf(editing) + 1] : undefined;
  const selected = sections.find((section) => section.id === search.get('area')) ?? sections[0]!;
  const dirty = Object.keys(drafts);
  const followUp = detail.followUps.find((round) => !round.closedAt);
  const preview: LivePreview = editing
    ? live
    : { result: detail.result ?? detail.preview.result, error: undefined, loading: false };

  const current = (question: LkeQuestion): LayerDraft => {
    if (!editing) return { answer: null, note: '' };
    const own = ownAnswer(detail, editing, question.id);
    return (
      drafts[question.id] ?? {
        answer: own ? own.answer : (effectiveByLayer.get(previousOf(editing))?.[question.id] ?? null),
        note: own?.note ?? '',
      }
    );
  };
  const unitAnswer = (question: LkeQuestion) => effectiveByLayer.get('unit')?.[question.id];
  const lastShown = (question: LkeQuestion) =>
    editing ? current(question).answer : effectiveByLayer.get(layers.at(-1)!)?.[question.id];

  const shown = (question: LkeQuestion) => {
    if (filter === 'berbeda') return !sameAnswer(lastShown(question), unitAnswer(question));
    if (filter === 'dipilih') return returned.includes(question.id);
    return true;
  };

  const progressOf = (section: LkeSection) => {
    const questions = questionsIn(section);
    if (editing) {
      const reviewed = questions.filter((q) => ownAnswer(detail, editing, q.id) || q.id in drafts).length;
      const differs = questions.filter((q) => !sameAnswer(current(q).answer, unitAnswer(q))).length;
      return {
        done: reviewed,
        total: questions.length,
        text: `${reviewed}/${questions.length} dinilai lapis ini · ${differs} berbeda dari unit`,
      };
    }
    const answered = questions.filter((q) => unitAnswer(q)).length;
    return { done: answered, total: questions.length, text: `${answered}/${questions.length} dijawab unit` };
  };

  const edit = (question: LkeQuestion, change: Partial<LayerDraft>) => {
    setDrafts((all) => ({ ...all, [question.id]: { ...current(question), ...change } }));
    setQuestionNotices((all) => ({ ...all, [question.id]: undefined }));
  };
  const discard = (question: LkeQuestion) =>
    setDrafts((all) => {
      const rest = { ...all };
      delete rest[question.id];
      return rest;
    });

  const save = async (question: LkeQuestion) => {
    if (!editing) return;
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
      await api('PUT', assessmentApi(cycleId, unitCode, `/layers/${editing}/answers/${question.id}`), {
        body: { answer: draft.answer, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) },
      });
      await data.refresh();
      discard(question);
      setQuestionNotices((all) => ({ ...all, [question.id]: `Jawaban ${layerLabel(editing)} tersimpan.` }));
    } catch (caught) {
      setQuestionErrors((all) => ({ ...all, [question.id]: asApiError(caught) }));
    } finally {
      setBusy(undefined);
    }
  };

  const complete = async (decision: 'forward' | 'tindak_lanjut') => {
    if (!editing) return;
    setBusy(decision);
    setPageError(undefined);
    setDone(undefined);
    const note = layerNote.trim();
    const body =
      decision === 'forward' ? { decision, ...(note ? { note } : {}) } : { decision, questionIds: returned, due, note };
    try {
      await post(assessmentApi(cycleId, unitCode, `/layers/${editing}/complete`), body);
      await data.refresh();
      setDone(
        decision === 'forward'
          ? `Lapis ${layerLabel(editing)} selesai dan diteruskan ${nextLayer ? `ke ${layerLabel(nextLayer)}` : 'ke nilai akhir'}.`
          : `${returned.length} pertanyaan dikembalikan ke unit untuk tindak lanjut.`,
      );
      setReturned([]);
      setLayerNote('');
      setDue('');
    } catch (caught) {
      setPageError(asApiError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const title = `Evaluasi TPI ${detail.unitName}`;
  return (
    <article className="lke-page">
      <p>
        <Link to={assessmentPage(cycleId, unitCode)}>← Ringkasan penilaian</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">
        {detail.cycleName ?? cycleId} · {phaseLabel(detail.phase)}
      </p>
      <ol className="steps layer-steps" aria-label="Lapis penilai">
        {detail.layers.map((layer, index) => {
          const at = detail.layers.indexOf(layers.at(-1)!);
          const active = ['mandiri', 'review', 'tindak_lanjut'].includes(detail.phase);
          return (
            <li
              key={layer}
              className={index < at || !active ? 'done' : undefined}
              aria-current={active && index === at ? 'step' : undefined}
            >
              {layerLabel(layer)}
            </li>
          );
        })}
      </ol>
      {editing ? (
        <Notice>
          Anda menilai sebagai <strong>{layerLabel(editing)}</strong>. Pertanyaan yang tidak Anda ubah mengikuti jawaban{' '}
          {layerLabel(previousOf(editing))}.
        </Notice>
      ) : detail.phase === 'review' ? (
        <Notice>Lapis {layerLabel(detail.currentLayer)} sedang menilai. Halaman ini untuk dibaca.</Notice>
      ) : detail.phase === 'mandiri' ? (
        <Notice>Unit belum mengirim penilaian mandiri; jawaban unit dapat berubah.</Notice>
      ) : followUp ? (
        <Notice kind="warning">
          Tindak lanjut putaran {followUp.round}: {followUp.questionIds.length} pertanyaan dikembalikan ke unit oleh{' '}
          {layerLabel(followUp.layer)}, tenggat {formatInstant(followUp.due, zone)}.
        </Notice>
      ) : null}
      <ErrorMessage error={data.error} />
      <ProblemMessage error={pageError} />
      {done ? <Notice kind="success">{done}</Notice> : null}

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
                  <option value="berbeda">Berbeda dari jawaban unit</option>
                  {editing ? <option value="dipilih">Dipilih untuk tindak lanjut</option> : null}
                </select>
              )}
            </Field>
          </div>
          <section aria-labelledby="area-judul" className="lke-area">
            <h2 id="area-judul">{selected.name}</h2>
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
                      {questions.map((question) => {
                        const number = numbers.get(question.id) ?? 0;
                        const draft = current(question);
                        const columns = earlier.length + (editing ? 1 : 0);
                        return (
                          <article
                            key={question.id}
                            id={`q-${question.id}`}
                            data-question={question.id}
                            className={`question-card layered${question.id in drafts ? ' dirty' : ''}`}
                            aria-labelledby={`q-${question.id}-judul`}
                          >
                            <header className="question-head">
                              <h5 id={`q-${question.id}-judul`}>
                                <span className="q-number">{number}.</span> {question.text}
                              </h5>
                            </header>
                            <div className="layer-grid" style={{ ['--layers' as string]: String(columns) }}>
                              {earlier.map((layer) => {
                                const answer = effectiveByLayer.get(layer)?.[question.id];
                                const own = ownAnswer(detail, layer, question.id);
                                const value = answerValue(template, question, answer);
                                return (
                                  <div
                                    key={layer}
                                    className="layer-cell"
                                    role="group"
                                    aria-label={layerLabel(layer)}
                                    data-layer={layer}
                                  >
                                    <p className="layer-name">{layerLabel(layer)}</p>
                                    <p className="layer-answer">{answerText(question, answer)}</p>
                                    <p className="muted">Nilai {value === undefined ? '—' : formatScore(value)}</p>
                                    {layer !== 'unit' && !own ? (
                                      <p className="muted small">Mengikuti lapis sebelumnya</p>
                                    ) : null}
                                    {own?.note ? <p className="layer-note">“{own.note}”</p> : null}
                                    {layer === 'unit' ? (
                                      <div className="evidence-block">
                                        {question.requiredEvidence.map((document) => (
                                          <div key={document} className="evidence-doc">
                                            <span className="small">{document}</span>
                                            <EvidenceRefs
                                              refs={detail.evidence[question.id]?.[document] ?? []}
                                              cycleId={cycleId}
                                              unitCode={unitCode}
                                              fileNames={fileNames}
                                              onError={setPageError}
                                            />
                                          </div>
                                        ))}
                                      </div>
                                    ) : null}
                                  </div>
                                );
                              })}
                              {editing ? (
                                <div
                                  className="layer-cell editing"
                                  role="group"
                                  aria-label={`${layerLabel(editing)} (lapis Anda)`}
                                  data-layer={editing}
                                >
                                  <p className="layer-name">{layerLabel(editing)} (lapis Anda)</p>
                                  <AnswerControl
                                    question={question}
                                    template={template}
                                    answer={draft.answer}
                                    label={`Jawaban ${layerLabel(editing)}`}
                                    onChange={(answer) => edit(question, { answer })}
                                  />
                                  <p className="muted">
                                    Nilai{' '}
                                    {isComplete(draft.answer)
                                      ? formatScore(answerValue(template, question, draft.answer) ?? 0)
                                      : '—'}
                                  </p>
                                  <Field label={`Catatan ${layerLabel(editing)} untuk pertanyaan ${number}`}>
                                    {(props) => (
                                      <textarea
                                        {...props}
                                        rows={2}
                                        value={draft.note}
                                        onChange={(e) => edit(question, { note: e.target.value })}
                                      />
                                    )}
                                  </Field>
                                  <label className="check">
                                    <input
                                      type="checkbox"
                                      checked={returned.includes(question.id)}
                                      onChange={(e) =>
                                        setReturned((all) =>
                                          e.target.checked
                                            ? [...all, question.id]
                                            : all.filter((id) => id !== question.id),
                                        )
                                      }
                                    />
                                    Kembalikan pertanyaan {number} untuk tindak lanjut
                                  </label>
                                  <ErrorMessage error={questionErrors[question.id]} />
                                  {questionNotices[question.id] ? (
                                    <p className="question-notice" role="status">
                                      {questionNotices[question.id]}
                                    </p>
                                  ) : null}
                                  <div className="actions">
                                    <button
                                      type="button"
                                      className="primary"
                                      disabled={busy !== undefined || !(question.id in drafts)}
                                      onClick={() => void save(question)}
                                    >
                                      Simpan<span className="visually-hidden"> jawaban pertanyaan {number}</span>
                                    </button>
                                    {question.id in drafts ? (
                                      <button type="button" onClick={() => discard(question)}>
                                        Batalkan<span className="visually-hidden"> perubahan pertanyaan {number}</span>
                                      </button>
                                    ) : null}
                                  </div>
                                </div>
                              ) : null}
                            </div>
                          </article>
                        );
                      })}
                    </section>
                  );
                })}
              </section>
            ))}
          </section>

          {editing ? (
            <section className="card" aria-labelledby="selesai-judul">
              <h2 id="selesai-judul">Selesaikan lapis {layerLabel(editing)}</h2>
              {dirty.length > 0 ? (
                <Notice kind="warning">Simpan atau batalkan {dirty.length} jawaban yang belum disimpan dahulu.</Notice>
              ) : null}
              <Field label="Catatan lapis" hint="Wajib diisi bila mengembalikan pertanyaan untuk tindak lanjut.">
                {(props) => (
                  <textarea {...props} rows={2} value={layerNote} onChange={(e) => setLayerNote(e.target.value)} />
                )}
              </Field>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy !== undefined || dirty.length > 0}
                  onClick={() => void complete('forward')}
                >
                  {nextLayer ? `Teruskan ke ${layerLabel(nextLayer)}` : 'Teruskan ke nilai akhir'}
                </button>
              </div>
              <h3>Kembalikan ke unit untuk tindak lanjut</h3>
              <p>
                {returned.length === 0
                  ? 'Belum ada pertanyaan dipilih. Centang “Kembalikan … untuk tindak lanjut” pada pertanyaannya.'
                  : `Dipilih: pertanyaan ${returned
                      .map((id) => numbers.get(id) ?? id)
                      .sort((a, b) => Number(a) - Number(b))
                      .join(', ')}.`}
              </p>
              <Field label="Tenggat tindak lanjut" hint="Pukul 16.00 waktu unit pada tanggal itu.">
                {(props) => (
                  <input {...props} type="date" min={todayWib()} value={due} onChange={(e) => setDue(e.target.value)} />
                )}
              </Field>
              <button
                type="button"
                className="danger"
                disabled={busy !== undefined || dirty.length > 0 || returned.length === 0 || !due || !layerNote.trim()}
                onClick={() => void complete('tindak_lanjut')}
              >
                Kembalikan {returned.length} pertanyaan untuk tindak lanjut
              </button>
            </section>
          ) : null}
        </div>
        <aside className="lke-aside">
          <ScorePreview
            preview={preview}
            title={editing ? `Pratinjau nilai ${layerLabel(editing)}` : 'Nilai'}
            caption={
              editing
                ? dirty.length > 0
                  ? `Termasuk ${dirty.length} perubahan yang belum disimpan.`
                  : 'Jawaban lapis ini, dengan jawaban lapis sebelumnya untuk yang tidak diubah.'
                : detail.result
                  ? 'Nilai akhir TPI.'
                  : `Nilai ${layerLabel(detail.preview.layer)} saat ini.`
            }
          />
        </aside>
      </div>
    </article>
  );
}

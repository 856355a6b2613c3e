/**
 * One unit's penilaian: where it stands (phase, layer, score, the predicate it may be proposed for), progress per
 * area, tindak lanjut rounds, downloads, and the steps after the TPI as simple forms for whoever takes them: the
 * pimpinan approves the proposal; Bagian Organisasi records the proposal, each TPN stage and the predikat, and may
 * revoke the predikat the unit holds (after a confirmation).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, post } from '../api/client';
import type { AssessmentDetail, AssessmentFile, Predicate, PredicateHistory, TpnResult, Zone } from '../api/types';
import { ScorePreview } from '../components/score-preview';
import { ErrorMessage, Field, Loading, Notice, PageTitle, ProblemMessage, ProgressBar } from '../components/ui';
import { formatDay, formatInstant, formatScore, todayWib } from '../format';
import { useZones } from '../hooks';
import {
  assessmentEventLabels,
  layerLabel,
  phaseLabel,
  predicateLabel,
  tpnResultLabels,
  tpnResults,
  tpnStageLabels,
  tpnStages,
} from '../labels';
import { Link } from '../router';
import { useMe } from '../session';
import {
  asApiError,
  assessmentApi,
  assessmentPage,
  assessmentRoles,
  EvidenceRefs,
  useAssessment,
} from './assessment-shared';
import { certificatePath, DownloadButton, workbookPath } from './assessments';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function AssessmentPage({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const me = useMe();
  const zone = useZones()(unitCode);
  const data = useAssessment(cycleId, unitCode);
  const { detail } = data;
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (data.error && !detail) {
    return (
      <section>
        <PageTitle title="Penilaian">Penilaian</PageTitle>
        <ErrorMessage error={data.error} />
        <p>
          <Link to={`/penilaian?siklus=${encodeURIComponent(cycleId)}`}>Ke penilaian siklus</Link>
        </p>
      </section>
    );
  }
  if (!detail) return <Loading what="penilaian" />;

  const roles = assessmentRoles(me, unitCode);
  /** Runs one step; the screen then shows the assessment as the workflow left it. */
  const act = async (work: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      await data.refresh();
      setDone(message);
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const unitAnswers = detail.answerWindow?.layer === 'unit' && roles.answers;
  const reviewing = detail.phase === 'review' && roles.reviews;
  const predicate = detail.predikat?.predicate;
  const title = `Penilaian ${detail.unitName}`;
  const ctx = { detail, cycleId, unitCode, zone, busy, act };

  return (
    <article className="assessment-page">
      <p>
        <Link to={`/penilaian?siklus=${encodeURIComponent(cycleId)}`}>← Penilaian siklus</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{detail.cycleName ?? cycleId}</p>
      <dl className="facts">
        <Fact label="Tahap">
          <span data-testid="tahap-penilaian">{phaseLabel(detail.phase)}</span>
        </Fact>
        {['review', 'tindak_lanjut'].includes(detail.phase) ? (
          <Fact label="Lapis yang bekerja">{layerLabel(detail.currentLayer)}</Fact>
        ) : null}
        <Fact label={detail.result ? 'Nilai akhir TPI' : 'Nilai sementara'}>
          {formatScore((detail.result ?? detail.preview.result).total.score)}
        </Fact>
        <Fact label="Dapat diusulkan">
          {detail.result ? (detail.eligiblePredicate ?? 'Belum memenuhi syarat') : '—'}
        </Fact>
        <Fact label="Batas usulan">{formatDay(detail.proposal?.deadline)}</Fact>
        <Fact label="Predikat">
          {detail.predikat ? `${predicateLabel(predicate)} (${formatDay(detail.predikat.date)})` : '—'}
        </Fact>
      </dl>
      {detail.outcomeNote ? <Notice kind="warning">{detail.outcomeNote}</Notice> : null}
      <ProblemMessage error={error} />
      {done ? <Notice kind="success">{done}</Notice> : null}

      <nav className="actions page-links" aria-label="Penilaian unit">
        <Link className="button-link primary" to={assessmentPage(cycleId, unitCode, '/lke')}>
          {unitAnswers ? 'Isi formulir LKE' : 'Lihat formulir LKE'}
        </Link>
        <Link className={`button-link${reviewing ? ' primary' : ''}`} to={assessmentPage(cycleId, unitCode, '/tpi')}>
          {reviewing ? `Nilai sebagai ${layerLabel(detail.currentLayer)}` : 'Lihat evaluasi TPI per lapis'}
        </Link>
        <DownloadButton path={workbookPath(cycleId, unitCode)} fileName={`lke-${cycleId}-${unitCode}.xlsx`}>
          Unduh LKE (xlsx)
        </DownloadButton>
        {predicate ? (
          <DownloadButton path={certificatePath(cycleId, unitCode)} fileName={`piagam-${cycleId}-${unitCode}.pdf`}>
            Unduh piagam (pdf)
          </DownloadButton>
        ) : null}
      </nav>

      <section className="card" aria-labelledby="kemajuan-judul">
        <h2 id="kemajuan-judul">Kemajuan penilaian mandiri</h2>
        <p>
          {detail.progress.answered} dari {detail.progress.total} pertanyaan dijawab, {detail.progress.evidenceComplete}{' '}
          lengkap data dukungnya.
        </p>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Dijawab</th>
              <th scope="col">Data dukung lengkap</th>
            </tr>
          </thead>
          <tbody>
            {detail.progress.areas.map((area) => (
              <tr key={area.id}>
                <td data-label="Area">
                  <Link to={assessmentPage(cycleId, unitCode, `/lke?area=${area.id}`)}>{area.name}</Link>
                </td>
                <td data-label="Dijawab">
                  {area.answered}/{area.total}
                  <ProgressBar share={area.total ? area.answered / area.total : 0} label={`${area.name} dijawab`} />
                </td>
                <td data-label="Data dukung lengkap">
                  {area.evidenceComplete}/{area.total}
                  <ProgressBar
                    share={area.total ? area.evidenceComplete / area.total : 0}
                    label={`${area.name} data dukung lengkap`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {detail.followUps.length > 0 ? (
        <section className="card" aria-labelledby="tindak-lanjut-judul">
          <h2 id="tindak-lanjut-judul">Tindak lanjut hasil evaluasi TPI</h2>
          <ol>
            {detail.followUps.map((round) => (
              <li key={round.round}>
                Putaran {round.round} dari {layerLabel(round.layer)}: {round.questionIds.length} pertanyaan, tenggat{' '}
                {formatInstant(round.due, zone)}
                {round.closedAt
                  ? ` — selesai ${formatInstant(round.closedAt, zone)}${round.outcome === 'cancelled' ? ' (dibatalkan)' : ''}`
                  : ' — berjalan'}
                {round.note ? <div className="note">“{round.note}”</div> : null}
                {round.taskId ? (
                  <div>
                    <Link to={`/tugas/${encodeURIComponent(round.taskId)}`}>Tugas tindak lanjut</Link>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <ProposalSection {...ctx} approves={roles.approves} records={roles.records} />
      <TpnSection {...ctx} records={roles.records} />
      <PredikatSection {...ctx} records={roles.records} />
      {roles.records && data.history ? <RevokeSection {...ctx} history={data.history} /> : null}

      <ScorePreview
        preview={{ result: detail.result ?? detail.preview.result, error: undefined, loading: false }}
        title={detail.result ? 'Nilai akhir TPI' : `Nilai sementara (${layerLabel(detail.preview.layer)})`}
      />

      <section className="card" aria-labelledby="riwayat-judul">
        <h2 id="riwayat-judul">Riwayat</h2>
        {detail.history.length === 0 ? <p className="muted">Belum ada langkah.</p> : null}
        <ol className="history">
          {detail.history.map((event, index) => (
            <li key={index}>
              <span className="muted">{formatInstant(event.at, zone)}</span> — <strong>{event.by}</strong>:{' '}
              {assessmentEventLabels[event.type] ?? event.type}
              {event.layer ? ` (${layerLabel(event.layer)})` : ''}: {phaseLabel(event.from)} → {phaseLabel(event.to)}
              {event.note ? <div className="note">“{event.note}”</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

interface StepProps {
  detail: AssessmentDetail;
  zone: Zone;
  cycleId: string;
  unitCode: string;
  busy: boolean;
  act(work: () => Promise<unknown>, message: string): Promise<boolean>;
}

const documentsNeeded = [
  ['coverLetter', 'Surat pengantar'],
  ['sptjm', 'SPTJM'],
  ['reviewedLke', 'LKE hasil evaluasi TPI'],
] as const;
type ProposalDocument = (typeof documentsNeeded)[number][0];

function ProposalSection({
  detail,
  cycleId,
  unitCode,
  zone,
  busy,
  act,
  approves,
  records,
}: StepProps & {
  approves: boolean;
  records: boolean;
}) {
  const [note, setNote] = useState('');
  const [submittedAt, setSubmittedAt] = useState(todayWib());
  const [documents, setDocuments] = useState<Record<ProposalDocument, string>>({
    coverLetter: '',
    sptjm: '',
    reviewedLke: '',
  });
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<ApiError>();
  const proposal = detail.proposal;
  const waiting = detail.phase === 'usulan';
  if (!waiting && !proposal?.submittedAt && !proposal?.approvedBy) return null;

  const approve = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => post(assessmentApi(cycleId, unitCode, '/proposal/approve'), note.trim() ? { note: note.trim() } : {}),
      'Usulan disetujui pimpinan unit.',
    ).then((ok) => ok && setNote(''));
  };
  const record = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => post(assessmentApi(cycleId, unitCode, '/proposal'), { submittedAt, documents }),
      'Usulan ke KemenPAN-RB tercatat.',
    );
  };
  const upload = async (key: ProposalDocument, label: string, file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set('document', label);
    form.set('file', file, file.name);
    setUploadError(undefined);
    try {
      const stored = await api<AssessmentFile>('POST', assessmentApi(cycleId, unitCode, '/files'), { form });
      setFileNames((all) => ({ ...all, [stored.ref]: stored.name }));
      setDocuments((all) => ({ ...all, [key]: stored.ref }));
    } catch (caught) {
      setUploadError(asApiError(caught));
    }
  };

  return (
    <section className="card" aria-labelledby="usulan-judul">
      <h2 id="usulan-judul">Usulan ke KemenPAN-RB</h2>
      <p>
        Predikat yang dapat diusulkan: <strong>{detail.eligiblePredicate ?? '—'}</strong>. Batas waktu usulan{' '}
        {formatDay(proposal?.deadline)}.
      </p>
      <ul>
        <li>
          Persetujuan pimpinan unit:{' '}
          {proposal?.approvedBy
            ? `disetujui ${proposal.approvedBy}${proposal.approvedAt ? `, ${formatInstant(proposal.approvedAt, zone)}` : ''}`
            : 'belum'}
          {proposal?.approvalNote ? <div className="note">“{proposal.approvalNote}”</div> : null}
        </li>
        <li>
          Pencatatan usulan:{' '}
          {proposal?.submittedAt
            ? `dikirim ${formatDay(proposal.submittedAt)} (dicatat ${proposal.recordedBy ?? ''})`
            : 'belum'}
          {proposal?.documents ? (
            <ul>
              {documentsNeeded.map(([key, label]) => (
                <li key={key}>
                  {label}:{' '}
                  <EvidenceRefs
                    refs={[proposal.documents![key]]}
                    cycleId={cycleId}
                    unitCode={unitCode}
                    fileNames={fileNames}
                    onError={setUploadError}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      </ul>

      {waiting && approves && !proposal?.approvedBy ? (
        <form onSubmit={approve}>
          <h3>Persetujuan pimpinan</h3>
          <Field label="Catatan persetujuan (opsional)">
            {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            Setujui usulan
          </button>
        </form>
      ) : null}

      {waiting && records ? (
        proposal?.approvedBy ? (
          <form onSubmit={record}>
            <h3>Catat usulan</h3>
            <ErrorMessage error={uploadError} />
            <Field label="Tanggal usulan dikirim">
              {(props) => (
                <input
                  {...props}
                  type="date"
                  required
                  max={todayWib()}
                  value={submittedAt}
                  onChange={(e) => setSubmittedAt(e.target.value)}
                />
              )}
            </Field>
            {documentsNeeded.map(([key, label]) => (
              <fieldset key={key}>
                <legend>{label}</legend>
                <div className="evidence-inputs">
                  <label>
                    Tautan https {label}
                    <input
                      type="url"
                      placeholder="https://"
                      value={documents[key].startsWith('file:') ? '' : documents[key]}
                      onChange={(e) => setDocuments((all) => ({ ...all, [key]: e.target.value.trim() }))}
                    />
                  </label>
                  <label>
                    atau unggah {label}
                    <input type="file" onChange={(e) => void upload(key, label, e.target.files?.[0])} />
                  </label>
                </div>
                {documents[key].startsWith('file:') ? (
                  <p className="muted">Terunggah: {fileNames[documents[key]] ?? documents[key]}</p>
                ) : null}
              </fieldset>
            ))}
            <button
              type="submit"
              className="primary"
              disabled={busy || documentsNeeded.some(([key]) => !documents[key])}
            >
              Catat usulan
            </button>
          </form>
        ) : (
          <p className="muted">Usulan dapat dicatat setelah disetujui pimpinan unit.</p>
        )
      ) : null}
    </section>
  );
}

function TpnSection({ detail, cycleId, unitCode, busy, act, records }: StepProps & { records: boolean }) {
  const [result, setResult] = useState<TpnResult>('lulus');
  const [date, setDate] = useState(todayWib());
  const [note, setNote] = useState('');
  const recorded = tpnStages.filter((stage) => detail.tpn[stage]);
  const next = detail.nextTpnStage;
  if (recorded.length === 0 && !next) return null;

  const record = (event: FormEvent) => {
    event.preventDefault();
    if (!next) return;
    void act(
      () =>
        post(assessmentApi(cycleId, unitCode, '/tpn'), {
          stage: next,
          result,
          date,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      `Hasil ${tpnStageLabels[next]} tercatat.`,
    ).then((ok) => ok && setNote(''));
  };

  return (
    <section className="card" aria-labelledby="tpn-judul">
      <h2 id="tpn-judul">Evaluasi Tim Penilai Nasional (TPN)</h2>
      <ol>
        {tpnStages.map((stage) => {
          const record = detail.tpn[stage];
          return (
            <li key={stage}>
              {tpnStageLabels[stage]}:{' '}
              {record ? `${tpnResultLabels[record.result]} (${formatDay(record.date)})` : 'belum dicatat'}
              {record?.note ? <div className="note">“{record.note}”</div> : null}
            </li>
          );
        })}
      </ol>
      {next && records ? (
        <form onSubmit={record}>
          <h3>Catat {tpnStageLabels[next]}</h3>
          <div className="grid-3">
            <Field label="Hasil">
              {(props) => (
                <select {...props} value={result} onChange={(e) => setResult(e.target.value as TpnResult)}>
                  {tpnResults.map((code) => (
                    <option key={code} value={code}>
                      {tpnResultLabels[code]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Tanggal hasil">
              {(props) => (
                <input
                  {...props}
                  type="date"
                  required
                  max={todayWib()}
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
              )}
            </Field>
            <Field label="Catatan TPN (opsional)">
              {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
            </Field>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            Catat hasil {tpnStageLabels[next]}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function PredikatSection({ detail, cycleId, unitCode, busy, act, records }: StepProps & { records: boolean }) {
  const [predicate, setPredicate] = useState<Predicate | ''>(detail.eligiblePredicate ?? 'WBK');
  const [date, setDate] = useState(todayWib());
  if (!detail.awaitingPredikat || !records) return null;
  const allowed: Predicate[] = detail.eligiblePredicate === 'WBBM' ? ['WBK', 'WBBM'] : ['WBK'];

  const record = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () =>
        post(`/awards/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitCode)}/predikat`, {
          predicate: predicate || null,
          date,
        }),
      predicate ? `Predikat ${predicate} tercatat dan diumumkan.` : 'Tercatat: unit tidak memperoleh predikat.',
    );
  };

  return (
    <form className="card" onSubmit={record} aria-labelledby="predikat-judul">
      <h2 id="predikat-judul">Catat predikat</h2>
      <p>
        Evaluasi lapangan TPN sudah lulus. Catat keputusan KemenPAN-RB; pimpinan, ketua tim dan Bagian Organisasi
        menerima email.
      </p>
      <div className="grid-2">
        <Field label="Predikat">
          {(props) => (
            <select {...props} value={predicate} onChange={(e) => setPredicate(e.target.value as Predicate | '')}>
              {allowed.map((code) => (
                <option key={code} value={code}>
                  {predicateLabel(code)}
                </option>
              ))}
              <option value="">Tidak memperoleh predikat</option>
            </select>
          )}
        </Field>
        <Field label="Tanggal penetapan">
          {(props) => <input {...props} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Catat predikat
      </button>
    </form>
  );
}

/**
 * Bagian Organisasi revokes the predikat the unit holds, with a date and a reason, after confirming: the unit cannot
 * be proposed again for two years, and the pimpinan, ketua tim and Bagian Organisasi are told by email.
 */
function RevokeSection({ unitCode, busy, act, history }: StepProps & { history: PredicateHistory }) {
  const [after, setAfter] = useState<PredicateHistory>();
  const [date, setDate] = useState(todayWib());
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const shown = after ?? history;
  const held = shown.current;

  if (!held) {
    if (!shown.revokedAt) return null;
    return (
      <section className="card" aria-labelledby="pencabutan-judul">
        <h2 id="pencabutan-judul">Pencabutan predikat</h2>
        <p data-testid="predikat-dicabut">
          Predikat unit dicabut per {formatDay(shown.revokedAt)}
          {shown.proposableFrom ? `; unit dapat diusulkan kembali mulai ${formatDay(shown.proposableFrom)}` : ''}.
        </p>
      </section>
    );
  }

  const revoke = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    void act(
      () =>
        post<PredicateHistory>(`/awards/units/${encodeURIComponent(unitCode)}/revoke`, {
          date,
          reason: reason.trim(),
        }).then(setAfter),
      `Predikat ${held} unit ${unitCode} dicabut dan diumumkan.`,
    ).then(() => setConfirming(false));
  };

  return (
    <form className="card" onSubmit={revoke} aria-labelledby="pencabutan-judul">
      <h2 id="pencabutan-judul">Cabut predikat</h2>
      <p>
        Unit memegang predikat <strong>{predicateLabel(held)}</strong>. Pencabutan tercatat di riwayat predikat dan
        diumumkan kepada pimpinan, ketua tim dan Bagian Organisasi; unit tidak dapat diusulkan kembali selama 2 tahun.
      </p>
      <div className="grid-2">
        <Field label="Tanggal pencabutan">
          {(props) => (
            <input
              {...props}
              type="date"
              required
              value={date}
              disabled={confirming}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field label="Alasan pencabutan" hint="Paling sedikit 3 karakter.">
          {(props) => (
            <textarea
              {...props}
              required
              minLength={3}
              maxLength={2000}
              value={reason}
              disabled={confirming}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="konfirmasi-cabut" className="confirm">
          <p id="konfirmasi-cabut">
            <strong>
              Yakin mencabut predikat {predicateLabel(held)} unit {unitCode} per {formatDay(date)}?
            </strong>{' '}
            Tindakan ini tidak dapat dibatalkan dari layar ini.
          </p>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy} autoFocus>
              Ya, cabut predikat
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Batal
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" disabled={busy || reason.trim().length < 3}>
          Cabut predikat…
        </button>
      )}
    </form>
  );
}

/**
 * One task: what to do, the required documents as a checklist with uploads, note and submit for the person working
 * it; approve or request a revision for its reviewer; comments and the history for everyone who may see it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, get, post } from '../api/client';
import type { EvidenceFile, EvidenceRef, TaskDetail } from '../api/types';
import { ErrorMessage, Field, Loading, Notice, PageTitle, StatusBadge } from '../components/ui';
import { downloadFile } from '../download';
import { formatBytes, formatInstant } from '../format';
import { useResource, useZones } from '../hooks';
import { areaLabel, eventLabels, roleLabel, stageLabel, statusLabel, taskDescription } from '../labels';
import { Link } from '../router';
import { rolesIn, useMe } from '../session';
import { TaskSteering } from './task-steering';
import { TeamEditor, emptyTeam, type TeamDraft, teamBody } from './team-editor';

const taskPath = (id: string, rest = '') => `/tasks/${encodeURIComponent(id)}${rest}`;

/** Evidence being prepared: one reference per document (a `file:<id>` upload or an https link). */
type Draft = Record<string, string>;

function draftOf(task: TaskDetail): Draft {
  return Object.fromEntries(task.evidence.map((item) => [item.document, item.ref]));
}

const download = (taskId: string, file: EvidenceFile) =>
  downloadFile(taskPath(taskId, `/files/${file.fileId}`), file.name);

/** Actions taken in the "Kelola tugas" card: their outcome is shown there, beside the form that was used. */
const steeringActions = ['reassign', 'extend', 'cancel'];

export function TaskPage({ id }: { id: string }) {
  const me = useMe();
  const zoneOf = useZones();
  const task = useResource(() => get<TaskDetail>(taskPath(id)), id);
  const [draft, setDraft] = useState<Draft>({});
  const [team, setTeam] = useState<TeamDraft>(emptyTeam());
  const [note, setNote] = useState('');
  const [reviewNote, setReviewNote] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [lastAction, setLastAction] = useState<string>();

  const loaded = task.data;
  // The draft starts from the last submission and restarts only when the task moves on (a new history event), so
  // reloading after an upload or a comment keeps what is being prepared.
  const round = loaded ? `${loaded.id}#${loaded.history.length}` : '';
  useEffect(() => {
    if (!loaded) return;
    setDraft(draftOf(loaded));
    if (loaded.team) setTeam({ ...loaded.team, members: [...loaded.team.members] });
  }, [round]); // keyed on the round on purpose: not on every reload

  if (task.error) {
    return (
      <section>
        <PageTitle title="Tugas">Tugas</PageTitle>
        <ErrorMessage error={task.error} />
        <p>
          <Link to="/tugas">Kembali ke kotak tugas</Link>
        </p>
      </section>
    );
  }
  if (!loaded) return <Loading what="tugas" />;

  const zone = zoneOf(loaded.unitCode);
  const roles = rolesIn(me, loaded.unitCode);
  const mine = me.person.id;
  const canClaim =
    loaded.status === 'open' &&
    (loaded.assignees.length === 0 ? roles.includes(loaded.assigneeRole) : loaded.assignees.includes(mine));
  const working = (loaded.status === 'claimed' || loaded.status === 'revision_requested') && loaded.claimedBy === mine;
  const canReview =
    loaded.status === 'submitted' &&
    roles.includes(loaded.reviewerRole) &&
    loaded.lastSubmittedBy !== mine &&
    !me.instansiRoles.includes('pengamat');
  const documents = loaded.requiredDocuments ?? [];
  const extraDocuments = Object.keys(draft).filter((document) => !documents.includes(document));
  const collectsTeam = loaded.templateKey === 'submit_tim_kerja';
  const fileName = (ref: string) => loaded.files.find((file) => file.ref === ref)?.name;
  const missing = documents.filter((document) => !draft[document]);

  const act = async (label: string, work: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(label);
    setLastAction(label);
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(message);
      task.reload();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  const upload = (document: string, file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set('document', document);
    form.set('file', file, file.name);
    void act(
      `upload:${document}`,
      async () => {
        const stored = await api<EvidenceFile>('POST', taskPath(id, '/files'), { form });
        setDraft((current) => ({ ...current, [document]: stored.ref }));
      },
      `Berkas ${file.name} terunggah untuk "${document}".`,
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const evidence: EvidenceRef[] = Object.entries(draft)
      .filter(([, ref]) => ref.trim() !== '')
      .map(([document, ref]) => ({ document, ref: ref.trim() }));
    const body = {
      evidence,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(collectsTeam ? { team: teamBody(team) } : {}),
    };
    void act('submit', () => post(taskPath(id, '/submit'), body), 'Tugas terkirim untuk direviu.').then(
      (ok) => ok && setNote(''),
    );
  };

  const review = (decision: 'approve' | 'request_revision') => {
    const body = { decision, ...(reviewNote.trim() ? { note: reviewNote.trim() } : {}) };
    const message = decision === 'approve' ? 'Tugas disetujui.' : 'Permintaan perbaikan terkirim.';
    void act(decision, () => post(taskPath(id, '/review'), body), message).then((ok) => ok && setReviewNote(''));
  };

  const addComment = (event: FormEvent) => {
    event.preventDefault();
    void act('comment', () => post(taskPath(id, '/comments'), { text: comment }), 'Komentar terkirim.').then(
      (ok) => ok && setComment(''),
    );
  };

  const description = loaded.description?.trim() ? loaded.description : taskDescription(loaded.templateKey);
  const lastRevision = [...loaded.history].reverse().find((event) => event.to === 'revision_requested');

  return (
    <article className="task-page">
      <p>
        <Link to="/tugas">← Kotak tugas</Link>
      </p>
      <PageTitle title={loaded.title}>{loaded.title}</PageTitle>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={loaded.status} />
          </dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{loaded.unitCode}</dd>
        </div>
        <div>
          <dt>Tahap</dt>
          <dd>{stageLabel(loaded.stage)}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{areaLabel(loaded.area)}</dd>
        </div>
        <div>
          <dt>Tenggat</dt>
          <dd className={loaded.overdue ? 'overdue-text' : undefined}>
            {formatInstant(loaded.due, zone)}
            {loaded.overdue ? ' — terlambat' : ''}
          </dd>
        </div>
        <div>
          <dt>Penanggung jawab</dt>
          <dd>{loaded.claimedBy ?? (loaded.assignees.join(', ') || roleLabel(loaded.assigneeRole))}</dd>
        </div>
        <div>
          <dt>Pereviu</dt>
          <dd>{roleLabel(loaded.reviewerRole)}</dd>
        </div>
      </dl>
      {loaded.escalationLevel > 0 ? (
        <Notice kind="warning">Tugas ini sudah dieskalasi ke tingkat {loaded.escalationLevel}.</Notice>
      ) : null}
      {loaded.status === 'revision_requested' && lastRevision?.note ? (
        <Notice kind="warning">
          <strong>Perlu perbaikan:</strong> {lastRevision.note}
        </Notice>
      ) : null}
      {description ? (
        <p className="description" data-testid="deskripsi-tugas">
          {description}
        </p>
      ) : null}
      {loaded.stage === 'penilaian' ? (
        <p>
          <Link
            className="button-link"
            to={`/penilaian/${encodeURIComponent(loaded.cycleId)}/${encodeURIComponent(loaded.unitCode)}${
              loaded.templateKey.startsWith('tindak_lanjut_tpi_') ? '/lke?tampil=tindak-lanjut' : ''
            }`}
          >
            {loaded.templateKey.startsWith('tindak_lanjut_tpi_')
              ? 'Buka pertanyaan tindak lanjut di formulir LKE'
              : `Buka penilaian unit ${loaded.unitCode}`}
          </Link>
        </p>
      ) : null}

      {!steeringActions.includes(lastAction ?? '') ? (
        <>
          <ErrorMessage error={error} />
          {done ? <Notice kind="success">{done}</Notice> : null}
        </>
      ) : null}

      {canClaim ? (
        <section className="card">
          <h2>Kerjakan tugas ini</h2>
          <p>Ambil tugas agar tercatat sebagai penanggung jawab, lalu unggah data dukung dan kirim.</p>
          <button
            type="button"
            className="primary"
            disabled={busy !== undefined}
            onClick={() => void act('claim', () => post(taskPath(id, '/claim')), 'Tugas sudah Anda ambil.')}
          >
            Ambil tugas
          </button>
        </section>
      ) : null}

      <section className="card">
        <h2>Data dukung</h2>
        {documents.length > 0 ? (
          <p className="muted">
            {loaded.evidenceRequired ? 'Wajib lengkap sebelum dikirim: ' : 'Dokumen yang diminta: '}
            {documents.length - missing.length} dari {documents.length} tersedia.
          </p>
        ) : null}
        <ul className="checklist">
          {[...documents, ...extraDocuments].map((document) => {
            const ref = draft[document] ?? '';
            const name = ref.startsWith('file:') ? fileName(ref) : undefined;
            return (
              <li key={document} className={ref ? 'present' : 'absent'}>
                <span className="check-mark" aria-hidden="true">
                  {ref ? '✓' : '○'}
                </span>
                <div>
                  <strong>{document}</strong>
                  <span className="visually-hidden">{ref ? ' (tersedia)' : ' (belum ada)'}</span>
                  <div className="muted">
                    {ref ? (
                      ref.startsWith('https://') ? (
                        <a href={ref} target="_blank" rel="noreferrer noopener">
                          {ref}
                        </a>
                      ) : (
                        (name ?? ref)
                      )
                    ) : (
                      'Belum ada'
                    )}
                  </div>
                  {working ? (
                    <div className="evidence-inputs">
                      <label>
                        Unggah berkas untuk {document}
                        <input
                          type="file"
                          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.doc,.xls,.zip,.txt,.csv"
                          disabled={busy !== undefined}
                          onChange={(e) => {
                            upload(document, e.target.files?.[0]);
                            e.target.value = '';
                          }}
                        />
                      </label>
                      <label>
                        atau tautan https untuk {document}
                        <input
                          type="url"
                          placeholder="https://"
                          value={ref.startsWith('file:') ? '' : ref}
                          onChange={(e) => setDraft((current) => ({ ...current, [document]: e.target.value }))}
                        />
                      </label>
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
        {loaded.files.length > 0 ? (
          <>
            <h3>Berkas terunggah</h3>
            <ul className="files">
              {loaded.files.map((file) => (
                <li key={file.fileId}>
                  <button type="button" className="link-button" onClick={() => void download(id, file)}>
                    {file.name}
                  </button>{' '}
                  <span className="muted">
                    ({formatBytes(file.size)}
                    {file.document ? `, ${file.document}` : ''}
                    {file.uploadedAt ? `, ${formatInstant(file.uploadedAt, zone)}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {collectsTeam && (working || loaded.team) ? (
        <section className="card">
          <h2>Susunan Tim Kerja</h2>
          <TeamEditor team={team} onChange={setTeam} readOnly={!working} />
        </section>
      ) : null}

      {working ? (
        <form className="card" onSubmit={submit}>
          <h2>Kirim untuk direviu</h2>
          {missing.length > 0 && loaded.evidenceRequired ? (
            <p className="muted">Belum lengkap: {missing.join(', ')}.</p>
          ) : null}
          <Field label="Catatan untuk pereviu (opsional)">
            {(props) => <textarea {...props} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={busy !== undefined}>
            {busy === 'submit' ? 'Mengirim…' : 'Kirim untuk direviu'}
          </button>
        </form>
      ) : null}

      {canReview ? (
        <section className="card">
          <h2>Reviu</h2>
          <p>
            Dikirim oleh {loaded.lastSubmittedBy}. Periksa data dukung di atas, lalu setujui atau minta perbaikan dengan
            catatan.
          </p>
          <Field label="Catatan reviu" hint="Wajib diisi bila meminta perbaikan.">
            {(props) => (
              <textarea {...props} rows={3} value={reviewNote} onChange={(e) => setReviewNote(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="button" className="primary" disabled={busy !== undefined} onClick={() => review('approve')}>
              Setujui
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy !== undefined || !reviewNote.trim()}
              onClick={() => review('request_revision')}
            >
              Minta perbaikan
            </button>
          </div>
        </section>
      ) : null}

      {!['approved', 'cancelled'].includes(loaded.status) ? (
        <TaskSteering
          task={loaded}
          steers={roles.includes('ketua_tim') || roles.includes('admin_organisasi')}
          cancels={roles.includes('admin_organisasi')}
          busy={busy !== undefined}
          act={act}
          error={steeringActions.includes(lastAction ?? '') ? error : undefined}
          done={steeringActions.includes(lastAction ?? '') ? done : undefined}
        />
      ) : steeringActions.includes(lastAction ?? '') && done ? (
        <Notice kind="success">{done}</Notice>
      ) : null}

      <section className="card">
        <h2>Komentar</h2>
        {loaded.comments.length === 0 ? <p className="muted">Belum ada komentar.</p> : null}
        <ul className="comments">
          {loaded.comments.map((item) => (
            <li key={item.id}>
              <strong>{item.byName}</strong> <span className="muted">{formatInstant(item.createdAt, zone)}</span>
              <p>{item.text}</p>
            </li>
          ))}
        </ul>
        {!me.instansiRoles.includes('pengamat') ? (
          <form onSubmit={addComment}>
            <Field label="Tulis komentar">
              {(props) => (
                <textarea {...props} rows={2} required value={comment} onChange={(e) => setComment(e.target.value)} />
              )}
            </Field>
            <button type="submit" disabled={busy !== undefined || !comment.trim()}>
              Kirim komentar
            </button>
          </form>
        ) : null}
      </section>

      <section className="card">
        <h2>Riwayat</h2>
        {loaded.history.length === 0 ? <p className="muted">Belum ada tindakan.</p> : null}
        <ol className="history">
          {loaded.history.map((event, index) => (
            <li key={index}>
              <span className="muted">{formatInstant(event.at, zone)}</span> — <strong>{event.by}</strong>:{' '}
              {eventLabels[event.type] ?? event.type} ({statusLabel(event.from)} → {statusLabel(event.to)})
              {event.note ? <div className="note">“{event.note}”</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

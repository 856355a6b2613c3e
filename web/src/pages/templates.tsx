/**
 * Templat LKE (Bagian Organisasi): the templates scoring can use, and publishing a new one (next year's, or a
 * correction under a new id) from a JSON file or pasted text. The API validates it as scoring will use it (weights
 * that add up, option codes, thresholds); every field it refuses is listed.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, get, post } from '../api/client';
import type { LkeTemplateSummary, LkeTemplateView } from '../api/types';
import { ErrorMessage, Field, Loading, Notice, PageTitle, ProblemMessage } from '../components/ui';
import { formatInstant } from '../format';
import { useResource } from '../hooks';
import { asApiError } from './assessment-shared';

export function TemplatesPage() {
  const list = useResource(() => get<{ items: LkeTemplateSummary[] }>('/assessments/templates'), 'templates');
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const startFrom = async (id: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      const view = await get<LkeTemplateView>(`/assessments/templates/${encodeURIComponent(id)}`);
      const next = { ...view.template, id: `${view.template.id}-baru`, version: `${view.template.version}-baru` };
      setText(JSON.stringify(next, null, 2));
      setDone(`Isi templat ${id} disalin ke formulir. Ubah id, tahun, versi dan isinya, lalu terbitkan.`);
      document.getElementById('isi-templat')?.focus();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    file
      .text()
      .then((content) => {
        setText(content);
        setDone(`Berkas ${file.name} dimuat; periksa lalu terbitkan.`);
      })
      .catch(() => setError(new ApiError(0, 'Berkas tidak dapat dibaca')));
  };

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (caught) {
      setError(
        new ApiError(400, 'JSON tidak valid', caught instanceof Error ? caught.message : 'Periksa tanda baca JSON.'),
      );
      return;
    }
    setBusy(true);
    try {
      const published = await post<LkeTemplateView>('/assessments/templates', body);
      setDone(`Templat ${published.id} (${published.name}, tahun ${published.year}) terbit.`);
      setText('');
      list.reload();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <section>
      <PageTitle title="Templat LKE">Templat LKE</PageTitle>
      <p className="description">
        Templat menentukan pertanyaan, bobot, ambang WBK/WBBM dan cara setiap jawaban dinilai. Templat yang sudah terbit
        tidak dapat diubah: perbaikan diterbitkan sebagai templat baru dengan id lain.
      </p>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading what="templat" /> : null}
      {items.length > 0 ? (
        <table className="responsive templates">
          <caption className="visually-hidden">Templat LKE, tahun terbaru lebih dahulu</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Nama</th>
              <th scope="col">Tahun</th>
              <th scope="col">Versi</th>
              <th scope="col">Asal</th>
              <th scope="col">Dipakai siklus</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-template={item.id}>
                <td data-label="Id">
                  <code>{item.id}</code>
                </td>
                <td data-label="Nama">{item.name}</td>
                <td data-label="Tahun">{item.year}</td>
                <td data-label="Versi">{item.version}</td>
                <td data-label="Asal">
                  {item.builtIn ? 'Bawaan' : `Diterbitkan ${formatInstant(item.publishedAt)}`}
                  {item.publishedBy ? <div className="muted">{item.publishedBy}</div> : null}
                </td>
                <td data-label="Dipakai siklus">{item.usedBy.length ? item.usedBy.join(', ') : '—'}</td>
                <td data-label="Tindakan">
                  <button type="button" onClick={() => void startFrom(item.id)}>
                    Salin sebagai dasar<span className="visually-hidden"> templat {item.id}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form className="card" onSubmit={(e) => void publish(e)} aria-labelledby="terbitkan-judul">
        <h2 id="terbitkan-judul">Terbitkan templat baru</h2>
        <Field label="Berkas JSON templat" hint="Atau tempel isinya di bawah.">
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                readFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="isi-templat">Isi templat (JSON)</label>
          <textarea
            id="isi-templat"
            className="code"
            rows={14}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <ProblemMessage error={error} limit={20} />
        {done ? <Notice kind="success">{done}</Notice> : null}
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {busy ? 'Menerbitkan…' : 'Terbitkan templat'}
        </button>
      </form>
    </section>
  );
}

/**
 * Downloads from the API: the request carries the bearer token (a plain link would not), so the file is fetched,
 * turned into a blob and saved under the name the server gave in Content-Disposition.
 */
import { api } from './api/client';

/** The file name of a Content-Disposition header: the UTF-8 `filename*` if given, else `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** GETs `path` under /api/v1 and saves the answer as a file; rejects with an ApiError as any call does. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await api<Response>('GET', path, { raw: true });
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

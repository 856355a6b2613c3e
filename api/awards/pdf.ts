import PDFDocument from 'pdfkit';

export const pdfContentType = 'application/pdf';

/**
 * Draws a document and collects it into one buffer. pdfkit's standard fonts (Helvetica) cover Bahasa Indonesia
 * (WinAnsi), so no font file ships with the app.
 */
export function renderPdf(
  options: PDFKit.PDFDocumentOptions & { title: string },
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const { title, ...rest } = options;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: 'id-ID',
    displayTitle: true,
    ...rest,
    info: { Title: title, Creator: 'ZI Orchestrator', Producer: 'ZI Orchestrator' },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** A safe download name: letters, digits, `-`, `_` and `.` only. */
export const fileNameOf = (...parts: string[]): string => `${parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;

import { refusedContent, refusedDeclaredType, safeFileName } from '../../api/tasks/evidence-types';

const pdf = Buffer.from('%PDF-1.7\n...');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
const exe = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode');

describe('evidence file types', () => {
  it.each([
    ['SK Tim.pdf', 'application/pdf'],
    ['foto.JPG', 'image/jpeg'],
    ['notulen.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['data.csv', 'application/vnd.ms-excel'],
    ['catatan.txt', 'text/plain; charset=utf-8'],
  ])('accepts %s declared as %s', (name, type) => {
    expect(refusedDeclaredType(name, type)).toBeUndefined();
  });

  it.each([
    ['program.exe', 'application/octet-stream', /\.exe tidak diterima/],
    ['tanpa-ekstensi', 'application/pdf', /\.\? tidak diterima/],
    ['laporan.pdf', 'text/html', /tidak sesuai dengan ekstensi \.pdf/],
    ['gambar.png', '', /\(kosong\)/],
  ])('refuses %s declared as %s', (name, type, reason) => {
    expect(refusedDeclaredType(name, type)).toMatch(reason);
  });

  it('checks the content against the extension', () => {
    expect(refusedContent('sk.pdf', pdf)).toBeUndefined();
    expect(refusedContent('foto.png', png)).toBeUndefined();
    expect(refusedContent('notulen.docx', zip)).toBeUndefined();
    expect(refusedContent('sk.pdf', exe)).toMatch(/tidak sesuai/);
    expect(refusedContent('foto.png', pdf)).toMatch(/tidak sesuai/);
    expect(refusedContent('data.csv', Buffer.from('a,b\n1,2\n'))).toBeUndefined();
    expect(refusedContent('data.txt', exe)).toMatch(/bukan teks/);
    expect(refusedContent('kosong.pdf', Buffer.alloc(0))).toMatch(/tidak sesuai/);
  });

  it('keeps a stored name free of paths and control characters, and short', () => {
    expect(safeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\ani\\SK "final".pdf')).toBe('SK final.pdf');
    expect(safeFileName('a\r\nb.pdf')).toBe('ab.pdf');
    const long = safeFileName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
    expect(safeFileName('')).toBe('berkas');
  });
});

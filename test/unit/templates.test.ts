import { createEmailRenderer } from '../../activities/templates';

function launchedData() {
  return {
    recipient: { name: 'Bagian Organisasi' },
    cycle: {
      name: 'Pembangunan ZI Pemerintah Kota Contoh',
      year: 2026,
      units: [
        { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
        { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' },
      ],
    },
    link: 'http://localhost:3000/siklus/2026-1a2b3c4d',
  };
}

describe('createEmailRenderer: cycle-launched', () => {
  const render = createEmailRenderer();

  it('puts the cycle name and year in a one-line subject', () => {
    const { subject } = render('cycle-launched', launchedData());
    expect(subject).toContain('Pembangunan ZI Pemerintah Kota Contoh');
    expect(subject).toContain('2026');
    expect(subject).not.toMatch(/\n/);
    expect(subject).toBe(subject.trim());
  });

  it('lists every unit as "- Name (CODE)" on its own line in the text version', () => {
    const { text } = render('cycle-launched', launchedData());
    const lines = text.split('\n');
    expect(lines).toContain('- Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)');
    expect(lines).toContain('- Dinas Penanaman Modal dan PTSP (DPMPTSP)');
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(2);
    expect(text).toContain('Yth. Bagian Organisasi,');
    expect(text).toContain('http://localhost:3000/siklus/2026-1a2b3c4d');
    expect(text).toContain('2 unit kerja');
  });

  it('lists every unit and the link in the HTML version', () => {
    const { html } = render('cycle-launched', launchedData());
    expect(html).toContain('<li>Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)</li>');
    expect(html).toContain('<li>Dinas Penanaman Modal dan PTSP (DPMPTSP)</li>');
    expect(html).toContain('href="http://localhost:3000/siklus/2026-1a2b3c4d"');
    expect(html).toContain('2026');
  });

  it('escapes markup in the HTML version but keeps it raw in the text version', () => {
    const data = launchedData();
    data.cycle.units[0] = { code: 'XSS', name: '<script>alert("x")</script>' };
    const { html, text } = render('cycle-launched', data);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(text).toContain('- <script>alert("x")</script> (XSS)');
  });

  it('does not HTML-escape the subject', () => {
    const data = launchedData();
    data.cycle.name = 'Siklus A & B';
    expect(render('cycle-launched', data).subject).toContain('Siklus A & B');
  });

  it('throws when a variable is missing', () => {
    const { link: _link, ...withoutLink } = launchedData();
    expect(() => render('cycle-launched', withoutLink)).toThrow();
    const { recipient: _recipient, ...withoutRecipient } = launchedData();
    expect(() => render('cycle-launched', withoutRecipient)).toThrow();
  });

  it('throws for an unknown template', () => {
    expect(() => render('no-such-template', launchedData())).toThrow();
  });
});

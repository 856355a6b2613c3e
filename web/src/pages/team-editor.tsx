/**
 * The Tim Kerja a pimpinan submits with the team task: members (one ketua, anggota) and a coordinator per area, who
 * receives that area's tasks. The workflow validates it again (domain/team.ts); this only helps fill it in.
 */
import type { TeamMember, TeamSubmission } from '../api/types';
import { areaCodes, areaLabel } from '../labels';

export type TeamDraft = TeamSubmission;

export const emptyTeam = (): TeamDraft => ({
  members: [
    { name: '', email: '', role: 'ketua_tim' },
    { name: '', email: '', role: 'anggota_tim' },
  ],
  coordinators: {},
});

/** Trimmed members and only the coordinators that name someone. */
export function teamBody(team: TeamDraft): TeamSubmission {
  return {
    members: team.members.map((member) => ({ ...member, name: member.name.trim(), email: member.email.trim() })),
    coordinators: Object.fromEntries(Object.entries(team.coordinators).filter(([, email]) => email)),
  };
}

export function TeamEditor({
  team,
  onChange,
  readOnly,
}: {
  team: TeamDraft;
  onChange(team: TeamDraft): void;
  readOnly: boolean;
}) {
  const setMember = (index: number, change: Partial<TeamMember>) =>
    onChange({ ...team, members: team.members.map((m, i) => (i === index ? { ...m, ...change } : m)) });
  const emails = team.members.map((member) => member.email.trim()).filter(Boolean);

  return (
    <div className="team-editor">
      <table>
        <caption>Anggota tim (satu ketua, sedikitnya satu anggota)</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Email</th>
            <th scope="col">Peran</th>
            {readOnly ? null : <th scope="col">Hapus</th>}
          </tr>
        </thead>
        <tbody>
          {team.members.map((member, index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`Nama anggota ${index + 1}`}
                  value={member.name}
                  readOnly={readOnly}
                  required
                  onChange={(e) => setMember(index, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="email"
                  aria-label={`Email anggota ${index + 1}`}
                  value={member.email}
                  readOnly={readOnly}
                  required
                  onChange={(e) => setMember(index, { email: e.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Peran anggota ${index + 1}`}
                  value={member.role}
                  disabled={readOnly}
                  onChange={(e) => setMember(index, { role: e.target.value as TeamMember['role'] })}
                >
                  <option value="ketua_tim">Ketua tim</option>
                  <option value="anggota_tim">Anggota tim</option>
                </select>
              </td>
              {readOnly ? null : (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Hapus anggota ${index + 1}`}
                    onClick={() => onChange({ ...team, members: team.members.filter((_, i) => i !== index) })}
                  >
                    Hapus
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {readOnly ? null : (
        <button
          type="button"
          onClick={() =>
            onChange({ ...team, members: [...team.members, { name: '', email: '', role: 'anggota_tim' }] })
          }
        >
          Tambah anggota
        </button>
      )}
      <fieldset>
        <legend>Koordinator per area</legend>
        <div className="grid-2">
          {areaCodes.map((area) => (
            <label key={area}>
              {areaLabel(area)}
              <select
                value={team.coordinators[area] ?? ''}
                disabled={readOnly}
                onChange={(e) => onChange({ ...team, coordinators: { ...team.coordinators, [area]: e.target.value } })}
              >
                <option value="">— pilih —</option>
                {emails.map((email) => (
                  <option key={email} value={email}>
                    {team.members.find((m) => m.email.trim() === email)?.name || email}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

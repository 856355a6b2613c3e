import { z } from 'zod';
import { areaCodes } from '../../domain/areas';
import { isIsoDate } from '../../domain/calendar';
import { stageCodes } from '../../domain/stages';
import { taskStatuses } from '../../domain/task';
import { validateTeam, teamRoles } from '../../domain/team';
import { uploadedFileField } from './evidence-upload';

/** Codes as cycles and units use them: no `$`, no dots, no spaces. */
const codePattern = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}';
const safeCode = z.string().regex(new RegExp(`^${codePattern}$`), 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');

/** `tugas:<cycle>:<unit>:<key>`: colons separate the parts, nothing else but codes — never `$` or `.`. */
export const taskIdPattern = new RegExp(`^tugas:${codePattern}:${codePattern}:${codePattern}$`);
export const taskId = z.string().regex(taskIdPattern, 'id tugas harus berbentuk tugas:<siklus>:<unit>:<kunci>');

/** A GridFS file id: 24 hexadecimal digits (an ObjectId). */
export const fileIdPattern = /^[0-9a-f]{24}$/;

export const taskParams = z.strictObject({ id: taskId });
export const taskFileParams = z.strictObject({
  id: taskId,
  fileId: z.string().regex(fileIdPattern, 'id berkas tidak valid'),
});

const isoInstant = z.iso.datetime({ offset: true });
/** `YYYY-MM-DD` (a whole day, WIB) or an ISO instant with its offset. */
export const dayOrInstant = z
  .string()
  .refine(
    (value) => isIsoDate(value) || isoInstant.safeParse(value).success,
    'harus berupa tanggal YYYY-MM-DD atau waktu ISO 8601 dengan zona',
  );

/** A comma list of allowed values (`open,claimed`), parsed into an array; an unknown value names itself. */
const commaList = <T extends string>(allowed: readonly T[], what: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const parts = [...new Set(value.split(',').map((part) => part.trim()))];
      const unknown = parts.filter((part) => !(allowed as readonly string[]).includes(part));
      if (unknown.length > 0 || parts.length === 0) {
        ctx.addIssue({ code: 'custom', message: `${what} tidak dikenal: ${unknown.join(', ') || '(kosong)'}` });
        return z.NEVER;
      }
      return parts as T[];
    })
    .meta({ description: `Satu atau beberapa (dipisah koma): ${allowed.join(', ')}` });

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const inboxQuery = z.strictObject({
  /** mine: my work (assigned, claimed, open to my role, waiting for my review); unit: every task of my units. */
  scope: z
    .enum(['mine', 'unit'])
    .default('mine')
    .meta({ description: 'mine: tugas saya (termasuk milik orang yang saya gantikan); unit: semua tugas unit saya' }),
  status: commaList(taskStatuses, 'status').optional(),
  stage: z.enum(stageCodes).optional(),
  area: z.enum(areaCodes).optional(),
  unit: safeCode.optional(),
  cycle: safeCode.optional(),
  dueBefore: dayOrInstant
    .optional()
    .meta({ description: 'Tenggat paling lambat (tanggal WIB: sampai akhir hari itu)' }),
  dueAfter: dayOrInstant.optional().meta({ description: 'Tenggat paling awal (tanggal WIB: sejak awal hari itu)' }),
  overdue: booleanFlag.optional(),
  noDue: booleanFlag.optional().meta({ description: 'true: hanya tugas tanpa tenggat' }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'harus bilangan bulat 1 sampai 100')
    .transform(Number)
    .pipe(z.number().int().min(1, 'minimal 1').max(100, 'maksimal 100'))
    .optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/, 'kursor tidak valid')
    .optional()
    .meta({ description: 'nextCursor dari halaman sebelumnya' }),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

/** Evidence: a https link or a file uploaded to this task (`file:<id>`, from POST /tasks/:id/files). */
export const evidenceRef = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (ref) => /^file:[0-9a-f]{24}$/.test(ref) || (/^https:\/\/[^\s]+$/.test(ref) && URL.canParse(ref)),
    'harus tautan https:// atau file:<id> dari unggahan',
  );

const person = z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email() });

const teamSubmission = z
  .strictObject({
    members: z
      .array(z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email(), role: z.enum(teamRoles) }))
      .min(1)
      .max(100),
    coordinators: z.partialRecord(z.enum(areaCodes), z.email()),
  })
  .superRefine((team, ctx) => {
    for (const issue of validateTeam(team)) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.').filter(Boolean), message: issue.message });
    }
  });

const note = z.string().trim().min(1).max(2000);
const reason = z.string().trim().min(3).max(1000);

export const claimSchema = { params: taskParams };

export const submitSchema = {
  params: taskParams,
  body: z.strictObject({
    evidence: z.array(z.strictObject({ document: z.string().trim().min(1).max(300), ref: evidenceRef })).max(100),
    note: note.optional(),
    /** Only for the team task (submit_tim_kerja): the Tim Kerja proposed by the pimpinan. */
    team: teamSubmission.optional(),
  }),
};
export type SubmitBody = z.infer<typeof submitSchema.body>;

export const reviewSchema = {
  params: taskParams,
  body: z.strictObject({ decision: z.enum(['approve', 'request_revision']), note: note.optional() }),
};
export type ReviewBody = z.infer<typeof reviewSchema.body>;

export const reassignSchema = {
  params: taskParams,
  body: z.strictObject({ to: person, reason: reason.optional() }),
};
export type ReassignBody = z.infer<typeof reassignSchema.body>;

export const extendSchema = {
  params: taskParams,
  body: z.strictObject({ due: dayOrInstant.meta({ description: 'Tenggat baru (tanggal: pukul 16.00 WIB)' }), reason }),
};
export type ExtendBody = z.infer<typeof extendSchema.body>;

export const cancelSchema = { params: taskParams, body: z.strictObject({ reason }) };

export const bulkReassignSchema = {
  body: z.strictObject({
    taskIds: z
      .array(taskId)
      .min(1)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'id tugas tidak boleh berulang'),
    to: person,
    reason,
  }),
};
export type BulkReassignBody = z.infer<typeof bulkReassignSchema.body>;

export const commentSchema = {
  params: taskParams,
  body: z.strictObject({ text: z.string().trim().min(1).max(2000) }),
};

/**
 * The multipart form of an evidence upload. Multer reads the form first; the file is then moved into `body.file`
 * so this one schema validates the whole form (and documents it).
 */
export const uploadSchema = {
  params: taskParams,
  body: z.strictObject({
    document: z.string().trim().min(1).max(300).meta({ description: 'Dokumen wajib yang didukung berkas ini' }),
    file: uploadedFileField,
  }),
};

export const taskListResponse = z
  .object({ items: z.array(z.looseObject({ id: z.string() })), nextCursor: z.string().nullable() })
  .meta({ id: 'TaskInbox' });

export const uploadResponse = z
  .object({ fileId: z.string(), ref: z.string(), name: z.string(), size: z.number().int() })
  .meta({ id: 'EvidenceFile' });

export const bulkReassignResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['reassigned', 'refused', 'not_found']),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'BulkReassignResult' });

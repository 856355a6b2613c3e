import type { Request, Response } from 'express';
import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { AuthService, meOf } from './auth.service';
import {
  acceptInvitationSchema,
  meSchema,
  passwordResetConfirmSchema,
  passwordResetSchema,
  refreshSchema,
  sessionTokensSchema,
  signedInByLinkSchema,
  signedInSchema,
  signInLinkSchema,
  signInSchema,
  signOutSchema,
  type AcceptInvitationBody,
  type PasswordResetConfirmBody,
  type SignInBody,
} from './auth.schemas';
import { principalOf } from './authenticate';
import { authRateLimit } from './rate-limit';

const tooMany = { 429: { description: 'Terlalu banyak percobaan dari alamat ini; coba lagi setelah Retry-After' } };
const tokenGone = {
  401: { description: 'Token tidak dikenal' },
  410: { description: 'Tautan sudah dipakai atau kedaluwarsa' },
};

/** Sign-in, refresh, sign-out, invitations, password reset, me. Mounted at /api/v1/auth. */
export function authOperations(context: ApiContext): Operation[] {
  // Built on first use: the app (and its OpenAPI document) is also built without a context.
  let built: AuthService | undefined;
  const auth = () => (built ??= new AuthService(context));
  // Failed sign-ins count against the address; token endpoints share one budget for guesses.
  const signInLimit = authRateLimit(context, { failuresOnly: true });
  const resetLimit = authRateLimit(context);
  const tokenLimit = authRateLimit(context, { failuresOnly: true });

  return [
    {
      method: 'post',
      path: '/sign-in',
      summary: 'Masuk dengan email dan kata sandi; menghasilkan token akses dan token penyegaran',
      access: 'public',
      before: [signInLimit],
      schema: signInSchema,
      responses: {
        200: { description: 'Berhasil masuk', body: signedInSchema },
        401: { description: 'Email atau kata sandi salah, atau akun belum/tidak lagi aktif' },
        ...tooMany,
      },
      handler: async (req: Request, res: Response) => {
        const { email, password } = req.body as SignInBody;
        res.json(await auth().signIn(email, password));
      },
    },
    {
      method: 'post',
      path: '/refresh',
      summary:
        'Token baru dari token penyegaran; token lama berhenti berlaku, dan token yang dipakai ulang mengakhiri sesi',
      access: 'public',
      before: [tokenLimit],
      schema: refreshSchema,
      responses: {
        200: { description: 'Token baru', body: sessionTokensSchema },
        401: { description: 'Sesi sudah berakhir atau token tidak sah' },
        ...tooMany,
      },
      handler: async (req: Request, res: Response) => {
        res.json(await auth().refresh((req.body as { refreshToken: string }).refreshToken));
      },
    },
    {
      method: 'post',
      path: '/sign-out',
      summary: 'Keluar dari sesi ini, atau dari semua perangkat dengan `everywhere: true`',
      schema: signOutSchema,
      responses: { 204: { description: 'Sesi berakhir' } },
      handler: async (req: Request, res: Response) => {
        await auth().signOut(principalOf(req), (req.body as { everywhere?: boolean }).everywhere === true);
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/me',
      summary: 'Orang yang sedang masuk: hak akses, peran instansi dan peran per unit',
      responses: { 200: { description: 'Saya', body: meSchema } },
      handler: (req: Request, res: Response) => {
        res.json(meOf(principalOf(req)));
      },
    },
    {
      method: 'post',
      path: '/invitations/accept',
      summary: 'Menerima undangan: mengatur kata sandi (minimal 12 karakter), mengaktifkan akun dan masuk',
      access: 'public',
      before: [tokenLimit],
      schema: acceptInvitationSchema,
      responses: { 200: { description: 'Akun aktif; sudah masuk', body: signedInSchema }, ...tokenGone, ...tooMany },
      handler: async (req: Request, res: Response) => {
        const { token, password, name } = req.body as AcceptInvitationBody;
        res.json(await auth().acceptInvitation(token, password, name));
      },
    },
    {
      method: 'post',
      path: '/password-reset',
      summary: 'Meminta tautan atur ulang kata sandi lewat email (selalu 202, terdaftar atau tidak)',
      access: 'public',
      before: [resetLimit],
      schema: passwordResetSchema,
      responses: { 202: { description: 'Bila akunnya aktif, tautan dikirim ke email itu' }, ...tooMany },
      handler: (req: Request, res: Response) => {
        auth().requestPasswordReset((req.body as { email: string }).email);
        res.status(202).end();
      },
    },
    {
      method: 'post',
      path: '/password-reset/confirm',
      summary: 'Mengatur kata sandi baru dari tautan atur ulang; semua sesi akun berakhir',
      access: 'public',
      before: [tokenLimit],
      schema: passwordResetConfirmSchema,
      responses: { 204: { description: 'Kata sandi diganti; masuk lagi' }, ...tokenGone, ...tooMany },
      handler: async (req: Request, res: Response) => {
        const { token, password } = req.body as PasswordResetConfirmBody;
        await auth().confirmPasswordReset(token, password);
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/sign-in/link',
      summary: 'Masuk dengan tautan sekali pakai dari email tugas; menyebut tugas yang dituju',
      access: 'public',
      before: [tokenLimit],
      schema: signInLinkSchema,
      responses: { 200: { description: 'Berhasil masuk', body: signedInByLinkSchema }, ...tokenGone, ...tooMany },
      handler: async (req: Request, res: Response) => {
        res.json(await auth().signInWithLink((req.body as { token: string }).token));
      },
    },
  ];
}

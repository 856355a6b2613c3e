import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { notificationController } from './notification.controller';
import {
  listNotificationsSchema,
  notificationBody,
  notificationIdParams,
  notificationPageBody,
  resendBody,
  resendSchema,
} from './notification.schemas';

const onlyAdmin = { 403: { description: 'Hanya Bagian Organisasi yang dapat membuka log email' } };

/** The email log and resend. Mounted at /api/v1/notifications. */
export function notificationOperations(context: ApiContext): Operation[] {
  const controller = notificationController(context);
  return [
    {
      method: 'get',
      path: '/',
      summary:
        'Log email, terbaru lebih dahulu, dengan status pengiriman, jumlah percobaan dan galat terakhir; saring per ' +
        'status (daftar dipisah koma), penerima, templat dan rentang waktu dibuat',
      schema: listNotificationsSchema,
      responses: { 200: { description: 'Satu halaman log email', body: notificationPageBody }, ...onlyAdmin },
      handler: controller.list,
    },
    {
      method: 'get',
      path: '/:id',
      summary: 'Satu email dan status pengirimannya',
      schema: notificationIdParams,
      responses: {
        200: { description: 'Email', body: notificationBody },
        ...onlyAdmin,
        404: { description: 'Email tidak ditemukan' },
      },
      handler: controller.get,
    },
    {
      method: 'post',
      path: '/:id/resend',
      summary:
        'Mengirim ulang email yang gagal (ditolak server surat) sebagai email baru, ke alamat yang sama atau alamat ' +
        'yang diperbaiki (`to`)',
      schema: resendSchema,
      responses: {
        202: { description: 'Email baru diantrekan; Location menunjuk ke catatannya', body: resendBody },
        ...onlyAdmin,
        404: { description: 'Email tidak ditemukan' },
        409: {
          description:
            'Email tidak berstatus gagal (terkirim atau masih dalam pengiriman), atau memuat tautan sekali pakai ' +
            '(undangan, atur ulang kata sandi): kirim undangan atau permintaan atur ulang yang baru',
        },
      },
      handler: controller.resend,
    },
  ];
}

import type { Request, Response } from 'express';
import { principalOf } from '../auth/authenticate';
import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import {
  invitePersonSchema,
  listPeopleSchema,
  personIdParams,
  personPageSchema,
  personSchema,
  setGrantsSchema,
  updatePersonSchema,
  type InvitePersonBody,
  type ListPeopleQuery,
} from './person.schemas';
import { PersonService } from './person.service';

/** Path parameters, validated and normalised by the route's schema before the handler runs. */
const personId = (req: Request): string => String(req.params.id);

const managed = {
  200: { description: 'Orang setelah perubahan', body: personSchema },
  403: { description: 'Hanya Bagian Organisasi yang dapat mengelola orang' },
  404: { description: 'Orang tidak ditemukan' },
};

/** People: invite, list, get, update, deactivate, grants. Mounted at /api/v1/people. */
export function personOperations(context: ApiContext): Operation[] {
  // Built on first use: the app (and its OpenAPI document) is also built without a context.
  let built: PersonService | undefined;
  const people = () => (built ??= new PersonService(context));

  return [
    {
      method: 'post',
      path: '/',
      summary: 'Mengundang orang: akun dibuat menunggu aktivasi dan email undangan dikirim',
      schema: invitePersonSchema,
      responses: {
        201: { description: 'Diundang; Location menunjuk ke orang itu', body: personSchema },
        403: managed[403],
        409: { description: 'Email ini sudah memiliki akun' },
      },
      handler: async (req: Request, res: Response) => {
        const person = await people().invite(principalOf(req), req.body as InvitePersonBody);
        res
          .status(201)
          .location(`/api/v1/people/${encodeURIComponent(person.id)}`)
          .json(person);
      },
    },
    {
      method: 'get',
      path: '/',
      summary:
        'Orang yang boleh Anda lihat (semua bagi Bagian Organisasi dan pengamat; pemegang hak di unit Anda bagi ' +
        'pimpinan dan ketua tim), urut menurut id, dengan kursor',
      schema: listPeopleSchema,
      responses: {
        200: { description: 'Orang-orang', body: personPageSchema },
        403: { description: 'Peran Anda tidak mengizinkan melihat orang' },
        404: { description: 'Unit tidak ditemukan' },
      },
      handler: async (req: Request, res: Response) => {
        res.json(await people().list(principalOf(req), req.query as ListPeopleQuery));
      },
    },
    {
      method: 'get',
      path: '/:id',
      summary: 'Satu orang (id = email)',
      schema: personIdParams,
      responses: {
        200: { description: 'Orang', body: personSchema },
        403: { description: 'Peran Anda tidak mengizinkan melihat orang' },
        404: { description: 'Orang tidak ditemukan atau di luar unit Anda' },
      },
      handler: async (req: Request, res: Response) => {
        res.json(await people().get(principalOf(req), personId(req)));
      },
    },
    {
      method: 'patch',
      path: '/:id',
      summary: 'Mengubah nama orang',
      schema: updatePersonSchema,
      responses: managed,
      handler: async (req: Request, res: Response) => {
        res.json(await people().rename(principalOf(req), personId(req), (req.body as { name: string }).name));
      },
    },
    {
      method: 'put',
      path: '/:id/grants',
      summary: 'Mengganti seluruh hak akses orang (peran per unit, atau seluruh instansi bagi admin dan pengamat)',
      schema: setGrantsSchema,
      responses: { ...managed, 409: { description: 'Akan meninggalkan instansi tanpa admin Bagian Organisasi aktif' } },
      handler: async (req: Request, res: Response) => {
        const { grants } = req.body as { grants: Parameters<PersonService['setGrants']>[2] };
        res.json(await people().setGrants(principalOf(req), personId(req), grants));
      },
    },
    {
      method: 'post',
      path: '/:id/deactivate',
      summary: 'Menonaktifkan orang: tidak dapat masuk lagi, semua sesinya berakhir',
      schema: personIdParams,
      responses: { ...managed, 409: { description: 'Admin Bagian Organisasi aktif terakhir' } },
      handler: async (req: Request, res: Response) => {
        res.json(await people().deactivate(principalOf(req), personId(req)));
      },
    },
    {
      method: 'post',
      path: '/:id/reinvite',
      summary: 'Mengirim ulang undangan kepada orang yang belum aktif; tautan sebelumnya tidak berlaku lagi',
      schema: personIdParams,
      responses: { ...managed, 409: { description: 'Orang ini sudah aktif atau dinonaktifkan' } },
      handler: async (req: Request, res: Response) => {
        res.json(await people().reinvite(principalOf(req), personId(req)));
      },
    },
  ];
}

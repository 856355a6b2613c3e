import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { unitController } from './unit.controller';
import {
  createUnitSchema,
  listUnitsSchema,
  renameUnitSchema,
  unitBody,
  unitCodeParams,
  unitPageBody,
  updateUnitSchema,
} from './unit.schemas';

const onlyAdmin = { 403: { description: 'Hanya Bagian Organisasi yang dapat mengelola unit' } };
const parentRefused = {
  422: { description: 'Unit induk tidak terdaftar, atau unit akan menjadi leluhurnya sendiri (`body.parentCode`)' },
};

/** The unit registry: create, list, get, update, change the code. Mounted at /api/v1/units. */
export function unitOperations(context: ApiContext): Operation[] {
  const controller = unitController(context);
  return [
    {
      method: 'post',
      path: '/',
      summary:
        'Mendaftarkan unit kerja (Bagian Organisasi). Kode unit adalah pengenalnya; kode hanya dapat diganti ' +
        '(POST /units/{code}/rename) selama belum ada siklus yang memuat unit itu',
      schema: createUnitSchema,
      responses: {
        201: { description: 'Unit terdaftar; Location menunjuk ke unit', body: unitBody },
        ...onlyAdmin,
        409: { description: 'Kode unit sudah terdaftar' },
        ...parentRefused,
      },
      handler: controller.create,
    },
    {
      method: 'get',
      path: '/',
      summary: 'Unit yang boleh Anda lihat, urut kode; saring per induk atau nama (q), halaman dengan kursor',
      schema: listUnitsSchema,
      responses: { 200: { description: 'Satu halaman unit', body: unitPageBody } },
      handler: controller.list,
    },
    {
      method: 'get',
      path: '/:code',
      summary: 'Satu unit kerja',
      schema: unitCodeParams,
      responses: {
        200: { description: 'Unit', body: unitBody },
        404: { description: 'Unit tidak terdaftar atau di luar lingkup Anda' },
      },
      handler: controller.get,
    },
    {
      method: 'patch',
      path: '/:code',
      summary:
        'Mengubah nama, zona waktu, email pimpinan atau unit induk (null melepasnya). Kode unit tidak diubah di sini, ' +
        'melainkan dengan POST /units/{code}/rename',
      schema: updateUnitSchema,
      responses: {
        200: { description: 'Unit setelah perubahan', body: unitBody },
        ...onlyAdmin,
        404: { description: 'Unit tidak terdaftar' },
        ...parentRefused,
      },
      handler: controller.update,
    },
    {
      method: 'post',
      path: '/:code/rename',
      summary:
        'Mengganti kode unit (Bagian Organisasi), hanya selama belum ada siklus yang memuat unit itu: hak akses di ' +
        'unit itu dan unit anaknya ikut pindah ke kode baru. Bila terputus di tengah jalan, kirim ulang permintaan ' +
        'yang sama untuk menyelesaikannya',
      schema: renameUnitSchema,
      responses: {
        200: { description: 'Unit dengan kode barunya; Location menunjuk ke unit', body: unitBody },
        ...onlyAdmin,
        404: { description: 'Unit tidak terdaftar' },
        409: {
          description:
            'Unit dimuat siklus (`cycles` menyebut siklusnya), kode baru sudah terdaftar atau dipakai siklus atau ' +
            'hak akses, atau penggantian kode lain untuk unit ini belum selesai',
        },
      },
      handler: controller.rename,
    },
  ];
}

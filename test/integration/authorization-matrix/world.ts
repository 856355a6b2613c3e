import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Grant } from '../../../domain/access';
import { personIdOf } from '../../../domain/people';
import type { RoleCode } from '../../../domain/roles';
import type { TaskPerson } from '../../../workflows/definitions';
import { bearer, tokenFor } from '../../support/auth';
import type { TestStack } from '../../support/stack';
import { cellIds, type CellId } from './cells';

/** A signed-in person of the matrix: one cell's caller, or a helper the targets need. */
export interface Actor {
  cell?: CellId;
  name: string;
  email: string;
  personId: string;
  token: string;
  grants: Grant[];
}

/** Everything the rows share: the stack, the two units, one caller per cell and the people targets name. */
export interface World {
  stack: TestStack;
  /** Makes every id of this run unique, so runs and other test files never meet. */
  run: string;
  unitA: string;
  unitB: string;
  actors: Record<CellId, Actor>;
  admin: Actor;
  /** anggota_tim of unit A who does the work in setups (claims and submits tasks that are then reviewed). */
  worker: Actor;
  /** anggota_tim of unit A whom tasks are reassigned to. */
  recipient: Actor;
  /** anggota_tim of units A and B: a substitute every caller may name for themselves. */
  substitute: Actor;
  /** Fresh ids (`m1`, `m2` …) for targets of this run. */
  next(prefix: string): string;
}

const grantsOf = (cell: CellId, unitA: string, unitB: string): Grant[] => {
  if (cell === 'admin_organisasi' || cell === 'pengamat') return [{ role: cell }];
  const [role, unit] = cell.split('@') as [RoleCode, 'A' | 'B'];
  return [{ role, unitCode: unit === 'A' ? unitA : unitB }];
};

async function signedIn(stack: TestStack, label: string, run: string, grants: Grant[], cell?: CellId) {
  const email = `matriks-${label}-${run}@pemkot.test`;
  const name = `Matriks ${label}`;
  const token = await tokenFor(stack, { name, email }, grants);
  return { ...(cell ? { cell } : {}), name, email, personId: personIdOf(email), token, grants };
}

/** Signs every caller in (real sessions) and registers both units in the unit registry, as Bagian Organisasi. */
export async function createWorld(stack: TestStack): Promise<World> {
  const run = randomUUID().slice(0, 8);
  const unitA = `MTX-A-${run}`;
  const unitB = `MTX-B-${run}`;
  const actors = Object.fromEntries(
    await Promise.all(
      cellIds.map(async (cell) => [
        cell,
        await signedIn(stack, cell.replace('@', '-').replace('_', ''), run, grantsOf(cell, unitA, unitB), cell),
      ]),
    ),
  ) as Record<CellId, Actor>;
  const admin = actors.admin_organisasi;
  for (const code of [unitA, unitB]) {
    await request(stack.app)
      .post('/api/v1/units')
      .auth(admin.token, bearer)
      .send({ code, name: `Unit matriks ${code}`, zone: 'WIB' })
      .expect(201);
  }
  const [worker, recipient, substitute] = await Promise.all([
    signedIn(stack, 'pekerja', run, [{ role: 'anggota_tim', unitCode: unitA }]),
    signedIn(stack, 'penerima', run, [{ role: 'anggota_tim', unitCode: unitA }]),
    signedIn(stack, 'pengganti', run, [
      { role: 'anggota_tim', unitCode: unitA },
      { role: 'anggota_tim', unitCode: unitB },
    ]),
  ]);
  let counter = 0;
  return {
    stack,
    run,
    unitA,
    unitB,
    actors,
    admin,
    worker,
    recipient,
    substitute,
    next: (prefix) => `${prefix}${++counter}`,
  };
}

/** The person as a task workflow knows them, holding `role` in the task's unit. */
export const participant = (actor: Actor, role: RoleCode): TaskPerson => ({
  personId: actor.personId,
  roles: [role],
  name: actor.name,
  email: actor.email,
});

import { areaNames, type AreaCode } from '../domain/areas';
import { toInstant, type IndonesianTimeZoneName, type IndonesianZone, type Instant } from '../domain/calendar';
import type { UnitRef } from '../domain/cycle';
import type { Participant } from '../domain/people';
import { stageLabels, type IsoDate, type StageCode, type StageWindow } from '../domain/stages';
import type { NotificationOutcome, NotificationRequest } from './notifications';

/** Sends one email at most once per dedupe key (the notifier from `createNotifier`). */
export type SendNotification = (request: NotificationRequest) => Promise<NotificationOutcome>;

export interface LifecycleNotificationDeps {
  /** Base URL for links in emails. */
  publicUrl: string;
  send: SendNotification;
}

/** A task as a lifecycle email lists it. */
export interface TaskLine {
  title: string;
  /** ISO 8601 instant with `Z` or an offset. */
  due: string;
}

export interface StageOpenedInput {
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  stage: StageCode;
  window: StageWindow;
  /** The instansi's zone: task due times are shown in it. */
  zone: IndonesianZone;
  tasks: TaskLine[];
  recipients: Participant[];
}

export interface LateUnit {
  code: string;
  name: string;
  /** Tasks of the stage not yet approved when its window closed. */
  openTasks: number;
}

export interface StageClosedInput {
  cycleId: string;
  cycleName: string;
  stage: StageCode;
  window: StageWindow;
  zone: IndonesianZone;
  /** Empty when every unit finished the stage on time. */
  lateUnits: LateUnit[];
  /** Bagian Organisasi. */
  recipients: Participant[];
}

export interface StageLateInput {
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  stage: StageCode;
  window: StageWindow;
  zone: IndonesianZone;
  openTasks: TaskLine[];
  /** The late unit's pimpinan and ketua tim. */
  recipients: Participant[];
}

export type TeamRole = 'ketua_tim' | 'anggota_tim';

export interface TeamMember {
  name: string;
  email: string;
  role: TeamRole;
  /** Areas of change this member coordinates (pokja), possibly none. */
  coordinatorOf: AreaCode[];
}

export interface TeamApprovedInput {
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  members: TeamMember[];
  recipients: Participant[];
}

export interface LaggingUnit {
  unitCode: string;
  unitName: string;
  /** Share of the unit's tasks approved so far, as a fraction (0.425 = 42,5 %). */
  share: number;
  /** Approved tasks the unit still lacks to reach the expected share. */
  shortfall: number;
}

export interface MonevLaggingInput {
  cycleId: string;
  cycleName: string;
  /** The monev period, e.g. `{ key: '2026-Q2', label: 'Triwulan II 2026' }`. */
  period: { key: string; label: string };
  /** Share of tasks expected to be approved by the end of the period, as a fraction. */
  expectedShare: number;
  lagging: LaggingUnit[];
  /** Bagian Organisasi. */
  recipients: Participant[];
}

export interface UnitWithdrawnInput {
  cycleId: string;
  cycleName: string;
  unit: UnitRef;
  reason: string;
  recipients: Participant[];
}

export interface CycleCancelledInput {
  cycleId: string;
  cycleName: string;
  reason: string;
  recipients: Participant[];
}

export const teamRoleLabels: Readonly<Record<TeamRole, string>> = {
  ketua_tim: 'Ketua Tim',
  anggota_tim: 'Anggota Tim',
};

/**
 * Emails about a cycle's life beyond single tasks: stages opening, closing and running late, the approved team,
 * units lagging in monev, a unit withdrawn, a cycle cancelled. Each sends one email per recipient with an email
 * address, deduped by a key made only of the input (so a retried activity sends nothing twice).
 */
export function createLifecycleNotifications(deps: LifecycleNotificationDeps) {
  const links = linksFor(deps.publicUrl);

  /** Sequential on purpose: a failure stops at one recipient, and the retry skips those already sent. */
  async function sendEach(
    cycleId: string,
    recipients: readonly Participant[],
    message: (recipient: Participant) => Omit<NotificationRequest, 'to'>,
  ): Promise<NotificationOutcome[]> {
    const outcomes: NotificationOutcome[] = [];
    for (const recipient of recipients) {
      const to = recipient.email?.trim();
      if (!to) continue;
      const request = message(recipient);
      outcomes.push(await deps.send({ ...request, to, cycleId, data: { recipient, ...request.data } }));
    }
    return outcomes;
  }

  /** What every stage email names: the cycle, the stage and its window. */
  const stageHeader = (input: { cycleName: string; stage: StageCode; window: StageWindow }) => ({
    cycleName: input.cycleName,
    stageLabel: stageLabels[input.stage],
    window: windowText(input.window),
  });

  return {
    async notifyStageOpened(input: StageOpenedInput): Promise<NotificationOutcome[]> {
      const data = {
        ...stageHeader(input),
        unit: input.unit,
        tasks: input.tasks.map((task) => taskLine(task, input.zone)),
        link: links.unit(input.cycleId, input.unit.code),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `stage-opened:${input.cycleId}:${input.unit.code}:${input.stage}:${recipient.personId}`,
        template: 'stage-opened',
        data,
      }));
    },

    async notifyStageClosed(input: StageClosedInput): Promise<NotificationOutcome[]> {
      const data = {
        ...stageHeader(input),
        lateUnits: input.lateUnits,
        link: links.cycle(input.cycleId),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `stage-closed:${input.cycleId}:${input.stage}:${recipient.personId}`,
        template: 'stage-closed',
        data,
      }));
    },

    async notifyStageLate(input: StageLateInput): Promise<NotificationOutcome[]> {
      const data = {
        ...stageHeader(input),
        unit: input.unit,
        openTasks: input.openTasks.map((task) => taskLine(task, input.zone)),
        link: links.unit(input.cycleId, input.unit.code),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `stage-late:${input.cycleId}:${input.unit.code}:${input.stage}:${recipient.personId}`,
        template: 'stage-late',
        data,
      }));
    },

    async notifyTeamApproved(input: TeamApprovedInput): Promise<NotificationOutcome[]> {
      // Ketua tim first, then the members in the order the unit listed them.
      const members = [...input.members]
        .sort((a, b) => Number(b.role === 'ketua_tim') - Number(a.role === 'ketua_tim'))
        .map((member) => ({
          name: member.name,
          email: member.email,
          roleLabel: teamRoleLabels[member.role],
          areas: member.coordinatorOf.map((area) => areaNames[area]),
        }));
      const common = {
        cycleName: input.cycleName,
        unit: input.unit,
        members,
        link: links.unit(input.cycleId, input.unit.code),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => {
        const self = members.find((member) => sameEmail(member.email, recipient.email));
        return {
          dedupeKey: `team-approved:${input.cycleId}:${input.unit.code}:${recipient.personId}`,
          template: 'team-approved',
          // A recipient outside the team (pimpinan, Bagian Organisasi) gets the list without a line of their own.
          data: { ...common, self: self ? { roleLabel: self.roleLabel, areas: self.areas } : null },
        };
      });
    },

    async notifyMonevLagging(input: MonevLaggingInput): Promise<NotificationOutcome[]> {
      const data = {
        cycleName: input.cycleName,
        period: input.period,
        expectedShareText: formatPercent(input.expectedShare),
        lagging: input.lagging.map((unit) => ({
          code: unit.unitCode,
          name: unit.unitName,
          shareText: formatPercent(unit.share),
          shortfall: unit.shortfall,
        })),
        link: links.cycle(input.cycleId),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `monev-lagging:${input.cycleId}:${input.period.key}:${recipient.personId}`,
        template: 'monev-lagging',
        data,
      }));
    },

    async notifyUnitWithdrawn(input: UnitWithdrawnInput): Promise<NotificationOutcome[]> {
      const data = {
        cycleName: input.cycleName,
        unit: input.unit,
        reason: input.reason,
        link: links.unit(input.cycleId, input.unit.code),
      };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `unit-withdrawn:${input.cycleId}:${input.unit.code}:${recipient.personId}`,
        template: 'unit-withdrawn',
        data,
      }));
    },

    async notifyCycleCancelled(input: CycleCancelledInput): Promise<NotificationOutcome[]> {
      const data = { cycleName: input.cycleName, reason: input.reason, link: links.cycle(input.cycleId) };
      return sendEach(input.cycleId, input.recipients, (recipient) => ({
        dedupeKey: `cycle-cancelled:${input.cycleId}:${recipient.personId}`,
        template: 'cycle-cancelled',
        data,
      }));
    },
  };
}

export type LifecycleNotifications = ReturnType<typeof createLifecycleNotifications>;

/** Deep links into the (future) web UI. Ids are URL-encoded: unit codes and cycle ids are free text to us. */
export function linksFor(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    cycle: (cycleId: string) => `${base}/siklus/${encodeURIComponent(cycleId)}`,
    unit: (cycleId: string, unitCode: string) =>
      `${base}/siklus/${encodeURIComponent(cycleId)}/unit/${encodeURIComponent(unitCode)}`,
  };
}

/** The IANA zone Intl needs for each Indonesian zone (Asia/Pontianak is WIB too, but Jakarta names it). */
const timeZoneNames: Readonly<Record<IndonesianZone, IndonesianTimeZoneName>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const instantFormats = new Map<IndonesianZone, Intl.DateTimeFormat>();

/**
 * An instant as people in the instansi read it, e.g. "Rabu, 04 Maret 2026 pukul 16.00 WIB". The zone's name is
 * appended because recipients (TPI, Bagian Organisasi) may sit in another zone than the unit.
 */
export function formatInstant(instant: Instant, zone: IndonesianZone): string {
  let format = instantFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('id-ID', { timeZone: timeZoneNames[zone], dateStyle: 'full', timeStyle: 'short' });
    instantFormats.set(zone, format);
  }
  return `${format.format(toInstant(instant))} ${zone}`;
}

const dayFormat = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', dateStyle: 'full' });

/**
 * A calendar day (`YYYY-MM-DD`) as "Rabu, 04 Maret 2026". A day is already local to the instansi, so it is shown
 * without a time and formatted at UTC midnight, where no zone can move it to a neighbouring day.
 */
export function formatDay(day: IsoDate): string {
  return dayFormat.format(new Date(`${day}T00:00:00.000Z`));
}

const percentNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A fraction as an Indonesian percentage with a space before the sign, as official reports write it: "42,5 %". */
export function formatPercent(fraction: number): string {
  return `${percentNumber.format(fraction * 100)} %`;
}

function windowText(window: StageWindow) {
  return { opensText: formatDay(window.opens), dueText: formatDay(window.due) };
}

function taskLine(task: TaskLine, zone: IndonesianZone) {
  return { title: task.title, dueText: formatInstant(task.due, zone) };
}

function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

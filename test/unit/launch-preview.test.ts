import { createWorkingCalendar } from '../../domain/calendar';
import { defaultCatalogue, tasksForStage } from '../../domain/catalogue';
import { defaultTimeline } from '../../domain/default-timeline';
import { previewLaunch } from '../../domain/launch-preview';
import { stageCodes } from '../../domain/stages';

const timeline = defaultTimeline(2026);

describe('previewLaunch', () => {
  const preview = previewLaunch({
    catalogue: defaultCatalogue,
    timeline,
    calendar: createWorkingCalendar({ zone: 'WIB' }),
    unitCount: 3,
  });

  it('lists every stage in order with its window and its catalogue tasks', () => {
    expect(preview.stages.map((stage) => stage.stage)).toEqual([...stageCodes]);
    for (const stage of preview.stages) {
      expect(stage.window).toEqual(timeline[stage.stage]);
      expect(stage.tasks.map((task) => task.key)).toEqual(
        tasksForStage(defaultCatalogue, stage.stage).map((template) => template.key),
      );
    }
  });

  it('counts the tasks of the whole cycle per unit and for all units', () => {
    expect(preview.tasksPerUnit).toBe(defaultCatalogue.templates.length);
    expect(preview.totalTasks).toBe(3 * defaultCatalogue.templates.length);
  });

  it('computes due dates on the working-day calendar: 5 hari kerja after 2 January 2026 is Friday 9 January 16:00 WIB', () => {
    const profil = preview.stages[0]!.tasks.find((task) => task.key === 'profil_unit_kerja')!;
    expect(profil.due).toBe('2026-01-09T09:00:00.000Z');
    // Persiapan is due Saturday 31 January: work due "at the stage's due date" moves to Monday 2 February.
    const rencana = preview.stages[0]!.tasks.find((task) => task.key === 'rencana_kerja_awal')!;
    expect(rencana.due).toBe('2026-02-02T09:00:00.000Z');
  });

  it('the same instants in WITA are an hour earlier in UTC', () => {
    const wita = previewLaunch({
      catalogue: defaultCatalogue,
      timeline,
      calendar: createWorkingCalendar({ zone: 'WITA' }),
      unitCount: 1,
    });
    expect(wita.stages[0]!.tasks.find((task) => task.key === 'profil_unit_kerja')!.due).toBe(
      '2026-01-09T08:00:00.000Z',
    );
  });

  it('counts the first emails: the launcher, and per unit the stage opening and the head’s assignments', () => {
    const headTasks = tasksForStage(defaultCatalogue, 'persiapan').filter((t) => t.assigneeRole === 'pimpinan');
    expect(preview.firstEmails).toBe(1 + 3 * (1 + headTasks.length));
  });
});

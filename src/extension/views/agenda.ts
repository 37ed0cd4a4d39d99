// The This week view: what is planned and what falls due in the next seven days, by
// day (the core's agendaByDay, the report's agenda). Overdue things are in Follow-ups.

import * as vscode from 'vscode';
import type { Clock } from '../../core/dates.js';
import { agendaByDay } from '../../core/report.js';
import { FOLLOW_UP_ICONS } from '../follow-ups/index.js';
import type { FolderNotes } from '../notes/workspace-notes.js';
import { NotesTree, type Node } from './tree.js';

const ICONS: Record<string, string> = { meeting: 'calendar', ...FOLLOW_UP_ICONS };

export class AgendaTree extends NotesTree {
  protected roots(folder: FolderNotes, clock: Clock): Node[] {
    return agendaByDay(folder.index, clock, folder.settings).map((day) =>
      this.groupNode(day.label, () => day.items.map((a) => {
        const note = folder.index.get(a.file);
        const node = note?.type ? this.noteNode(folder, note, a.title) : this.groupNode(a.title, () => []);
        node.item.iconPath = new vscode.ThemeIcon(ICONS[a.code] ?? 'circle-outline');
        node.item.contextValue = `agenda.${a.code}`;
        return node;
      }), day.date, day.label === 'Today' ? 'calendar' : undefined),
    );
  }
}

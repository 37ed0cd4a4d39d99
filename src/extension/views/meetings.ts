// The Meetings view: upcoming first, then the past by month.

import type { Clock } from '../../core/dates.js';
import { meetingTimeline } from '../../core/views.js';
import type { FolderNotes } from '../notes/workspace-notes.js';
import { meetingNode } from './contacts.js';
import { NotesTree, type Node } from './tree.js';

export class MeetingsTree extends NotesTree {
  protected roots(folder: FolderNotes, clock: Clock): Node[] {
    return meetingTimeline(folder.index, clock).map((g) =>
      this.groupNode(g.label, () => g.meetings.map((m) => meetingNode(this, folder, m, clock, true)), String(g.meetings.length), g.label === 'Upcoming' ? 'calendar' : undefined),
    );
  }
}

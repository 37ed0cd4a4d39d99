// Rapport: Export calendar… writes the iCalendar file where it is told, through
// workspace.fs (so in both hosts): the planned meeting at its time, and what falls due.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { file, rapport, readText, remove, waitFor, writeText } from './helpers.js';

describe('Export calendar…', () => {
  const made = ['meetings/2026-11-25-sally-smith.md', 'rapport.ics'];
  after(async () => {
    for (const p of made) await remove(file(p));
    await (await rapport()).notes.idle();
  });

  it('writes the planned meetings and what falls due to the file given, and again with the same UIDs', async () => {
    const { notes } = await rapport();
    await writeText(file(made[0]), '---\ntype: meeting\nwith: "[[sally-smith]]"\ndate: 2026-11-25 09:30\nduration: 20\n---\n');
    await waitFor('the meeting to be read', () => notes.allFolders()[0].index.get(made[0]) !== undefined, 10_000);
    const written = await vscode.commands.executeCommand<vscode.Uri>('rapport.exportCalendar', file('rapport.ics'));
    assert.equal(written?.toString(), file('rapport.ics').toString());
    const text = await readText(file('rapport.ics'));
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text, /\r\nDTSTART:20261125T093000\r\nDTEND:20261125T095000\r\nSUMMARY:Meeting with Sally Smith\r\n/);
    const uids = (t: string) => [...t.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]).sort();
    await vscode.commands.executeCommand('rapport.exportCalendar', file('rapport.ics'));
    assert.deepEqual(uids(await readText(file('rapport.ics'))), uids(text));
  });
});

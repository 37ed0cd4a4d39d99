// The vocabulary shared by every part of Rapport. Plain data only: no VS Code,
// no file system, so the CLI, the extension and the tests all speak it.

export const NOTE_TYPES = ['contact', 'meeting', 'company', 'outreach'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/**
 * More problems than anyone reads in one note: a note's first this many are shown, and one
 * more says that there are more. Only a hostile or broken note has more (a megabyte line of
 * links had 175,000); every editor panel, cache and JSON report carried them all.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** 0-based line and UTF-16 character, as VS Code counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Replace `range` with `newText`; an empty range inserts. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A fix as plain data, in the manner of markdownlint's fixInfo: the core decides
 * what changes, a front end only applies it.
 */
export interface Fix {
  title: string;
  /** What it does, for the Follow-ups view's actions (see follow-up-actions.ts): `draft-thank-you`, `snooze`, … */
  action?: FollowUpActionId;
  /** Edits to the file the diagnostic is in. */
  edits?: TextEdit[];
  /** A new file to create (path relative to the workspace root); never overwrites. */
  create?: { path: string; content: string };
  /** Edits to other notes that close the same loop (the draft of a thank-you marked sent with its meeting). */
  also?: { path: string; edits: TextEdit[] }[];
  /** A note to open instead of making another (the unsent draft already written). */
  open?: string;
  /**
   * A message to write when the fix is chosen, not before (drafts.ts writeDraft makes it a
   * `create`): most reminders never need theirs, and every check run would build them all.
   */
  draft?: DraftRequest;
  /** A fix that needs an answer first: a date, or a number of days (see answerFix). Its edits are for the default answer. */
  ask?: Ask;
}

/** What to draft: paths of the note the reminder is on (`from`) and of the recipient (`to`). */
export interface DraftRequest {
  kind: 'thank-you' | 'referrer-update' | 'follow-up' | 'referral';
  from: string;
  to: string;
  /** A referrer update: the person met. */
  met?: string;
  /** A referral's first message: who suggested them, for the subject. */
  referrer?: string;
}

/** The question a fix asks before it edits (see core/follow-up-actions.ts answerFix). */
export interface Ask {
  kind: 'date' | 'days';
  prompt: string;
  /** The answer offered: a date (YYYY-MM-DD) or a number of days. */
  value: string;
}

export type FollowUpActionId =
  | 'draft-thank-you'
  | 'thank-you-sent-today'
  | 'thank-you-sent-on'
  | 'thank-you-skip'
  | 'draft-referrer-update'
  | 'referrer-updated-today'
  | 'draft-referral-outreach'
  | 'followed-up-today'
  | 'snooze'
  | 'promise-done'
  | 'mark-replied'
  | 'draft-follow-up'
  | 'meeting-done'
  | 'meeting-no-show'
  | 'meeting-cancelled'
  | 'set-status';

export interface Diagnostic {
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  fixes?: Fix[];
  /** A reminder whose date has passed; with severity warning it fails `rapport check`. */
  overdue?: boolean;
  /** For what is due (the Follow-ups view, the status bar): a short label, and the day it fell due. */
  followUp?: FollowUpSummary;
}

export interface FollowUpSummary {
  /** "Thank Rohan Mehta" */
  label: string;
  /** "3 days overdue" */
  detail: string;
  /** Day number (days since 1970-01-01) it fell due. */
  due: number;
}

export function range(line: number, character: number, endLine = line, endCharacter = character): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** A check's setting: off, a severity, or default (the catalogue's). */
export type CheckSetting = Severity | 'off' | 'default';

/** Per-workspace settings, the same for the editor and the CLI (read by settings.ts). */
export interface Settings {
  /** Per check code: off, a severity, or default. */
  checks: Record<string, CheckSetting>;
  /** Days after a meeting that the thank-you note is due. */
  thankYouDays: number;
  /** Days after a meeting by which a referral should have been contacted. */
  referralDays: number;
  /** Words above which an outreach message is too long. */
  outreachMaxWords: number;
  /** Days after a done meeting that an open task in it (`- [ ] …`) is due. */
  promiseDays: number;
  /** Days after a sent outreach that its lack of reply is worth a follow-up. */
  replyDays: number;
  /** Keep-in-touch days by tag, for contacts without `keep_in_touch_days` of their own (the smallest wins). */
  keepInTouchByTag: Record<string, number>;
  /** Globs of the notes Rapport looks at (none: all), and of those it leaves alone (core/scope.ts). */
  include: readonly string[];
  exclude: readonly string[];
}

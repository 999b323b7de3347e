/**
 * Stored submissions turned into the rows of the export and the pairs of the calibration (the records come
 * from db/submission-queue.ts scoredRecords). One row per submission and rubric criterion, in the
 * pre-grade's criterion order; anonymity as on the review page.
 */
import type { Queryable } from '../db/db.js';
import { auditEvents } from '../db/reviews.js';
import { type ScoredRecord, scoredRecords } from '../db/submission-queue.js';
import { listUsers } from '../db/users.js';
import { candidateShown } from './anonymity.js';
import type { CalibrationPair } from './calibration.js';
import type { AuditRow, ExportRow } from './export-format.js';

export function exportRows(records: readonly ScoredRecord[], emailOf: (userId: string) => string): ExportRow[] {
  return records.flatMap((record) => {
    const candidate = candidateShown(record);
    return (record.pregrade?.criteria ?? []).map((criterion) => {
      const final = record.scores?.[criterion.id] ?? null;
      return {
        assessment: record.assessmentName,
        attemptId: record.attemptId,
        candidate: candidate.label,
        email: candidate.email,
        exerciseId: record.exerciseId,
        exerciseVersion: record.exerciseVersion,
        submittedAt: new Date(record.submittedAt).toISOString(),
        lateMs: record.lateMs,
        reviewState: record.state,
        criterionId: criterion.id,
        max: criterion.max,
        preScore: criterion.status === 'scored' ? criterion.score : null,
        preStatus: criterion.status,
        finalScore: final?.score ?? null,
        reviewedBy: final ? emailOf(final.by) : null,
        reviewedAt: final?.at ?? null,
      };
    });
  });
}

/** Confirmed reviews only: a score still under review is not a decision to calibrate against. */
export function calibrationPairs(records: readonly ScoredRecord[]): CalibrationPair[] {
  return records
    .filter((record) => record.state === 'confirmed')
    .flatMap((record) =>
      (record.pregrade?.criteria ?? []).flatMap((criterion) => {
        const final = record.scores?.[criterion.id];
        if (!final) return [];
        return [
          {
            exerciseId: record.exerciseId,
            criterionId: criterion.id,
            max: criterion.max,
            pre: criterion.status === 'scored' ? criterion.score : null,
            preStatus: criterion.status,
            final: final.score,
          },
        ];
      }),
    );
}

/** The export's rows straight from the database (the route and `audition export` share it). */
export async function loadExportRows(
  db: Queryable,
  filters: { assessment?: string | undefined },
): Promise<ExportRow[]> {
  const [records, users] = await Promise.all([scoredRecords(db, filters), listUsers(db)]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return exportRows(records, (id) => emails.get(id) ?? id);
}

/** The audit export's rows: every review change, with the submission's candidate as the score export shows it. */
export async function loadAuditRows(db: Queryable, filters: { assessment?: string | undefined }): Promise<AuditRow[]> {
  const [records, events] = await Promise.all([scoredRecords(db, filters), auditEvents(db, filters)]);
  const bySubmission = new Map(records.map((r) => [r.id, r]));
  return events.flatMap((event) => {
    const record = bySubmission.get(event.submissionId);
    if (!record) return [];
    return [
      {
        assessment: record.assessmentName,
        attemptId: record.attemptId,
        candidate: candidateShown(record).label,
        exerciseId: record.exerciseId,
        submissionId: event.submissionId,
        version: event.version,
        at: new Date(event.at).toISOString(),
        actor: event.actor,
        action: event.action,
        criterionId: event.criterionId,
        from: event.from,
        to: event.to,
        reason: event.reason,
        note: event.note,
      },
    ];
  });
}

/**
 * The calibration page's calls (admins): the figures, optionally for one assessment; the assessments to
 * filter by; and the export's address with the same filter. Typed from server/routes/calibration.ts,
 * assessments.ts and export.ts through the shared client (api.ts).
 */
import type { InferResponseType } from 'hono/client';
import { call, client } from './api';
import { failureFrom } from './api-failure';

const staff = client.api.staff;

export type Calibration = InferResponseType<typeof staff.calibration.$get, 200>;
export type ExerciseCalibration = Calibration['exercises'][number];
export type CriterionCalibration = ExerciseCalibration['criteria'][number];
export type AgreementFigures = ExerciseCalibration['overall'];
export type AssessmentOption = { id: string; name: string };

export async function fetchCalibration(assessment: string | null, signal: AbortSignal): Promise<Calibration> {
  const query = assessment ? { assessment } : {};
  const response = await call(() => staff.calibration.$get({ query }, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function fetchAssessmentOptions(signal: AbortSignal): Promise<AssessmentOption[]> {
  const response = await call(() => staff.assessments.$get({}, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).assessments.map(({ id, name }) => ({ id, name }));
}

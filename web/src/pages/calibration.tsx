/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function CalibrationPage() {
  useDocumentTitle('Calibration');
  return <h1>Calibration</h1>;
}

/**
 * After a form is refused, the focus goes to the first field marked invalid, so that keyboard and screen
 * reader users land on what to fix (the message is tied to it with aria-describedby).
 */
import { useEffect, useRef, useState } from 'react';

export function useFocusInvalid() {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    formRef.current?.querySelector<HTMLElement>('input[aria-invalid="true"], select[aria-invalid="true"]')?.focus();
  }, [refusals]);
  return { formRef, focusInvalid: () => setRefusals((n) => n + 1) };
}

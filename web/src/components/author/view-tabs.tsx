/**
 * Tabs in the WAI-ARIA pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one Tab stop for the tab
 * list, the arrow keys, Home and End move between tabs and show them at once. A panel, once shown, stays
 * mounted (hidden), so that an answer being tried survives a look at the key.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

export type Tab<Id extends string> = { id: Id; label: string; panel: () => ReactNode };

export function ViewTabs<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly Tab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}) {
  const base = useId();
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const [shown, setShown] = useState<ReadonlySet<Id>>(() => new Set([selected]));
  if (!shown.has(selected)) setShown(new Set([...shown, selected]));

  function keyDown(event: KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={label} className="view-tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => keyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          className="view-panel"
          data-testid={`panel-${tab.id}`}
        >
          {shown.has(tab.id) && tab.panel()}
        </div>
      ))}
    </>
  );
}

'use client';
// The map in words, beside the canvas: every actor and tie on it, as two listboxes. Arrow keys
// (and Home, End) move through a list, Enter or Space selects the item on the map.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ACTOR_KIND_LABELS, FACTION_LABELS, TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { compareText } from '@/lib/graph/adjacency';
import { formatPartialDate, formatPeriod } from '@/lib/graph/partial-date';
import type { GraphView } from '@/lib/graph/types';

interface ListItem {
  id: string;
  text: string;
  detail: string;
}

interface KeyboardListProps {
  label: string;
  items: ListItem[];
  selected: string | undefined;
  onChoose: (id: string) => void;
}

function KeyboardList({ label, items, selected, onChoose }: KeyboardListProps) {
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const selectedIndex = items.findIndex((item) => item.id === selected);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const [followed, setFollowed] = useState(selected);
  // A selection made on the canvas moves the list's cursor to it.
  if (selected !== followed) {
    setFollowed(selected);
    if (selectedIndex >= 0) setActive(selectedIndex);
  }
  const current = Math.min(active, items.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  function move(to: number) {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    listRef.current?.querySelector(`[id="${CSS.escape(optionId(next))}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (items.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      PageDown: () => move(current + 10),
      PageUp: () => move(current - 10),
      Enter: () => onChoose(items[current]!.id),
      ' ': () => onChoose(items[current]!.id),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  return (
    <div className="element-list">
      <h3 id={`${listId}-label`}>
        {label} <span className="muted">({items.length})</span>
      </h3>
      <ul
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${listId}-label`}
        aria-activedescendant={items.length ? optionId(current) : undefined}
        onKeyDown={onKeyDown}
      >
        {items.map((item, i) => (
          <li
            key={item.id}
            id={optionId(i)}
            role="option"
            aria-selected={item.id === selected}
            className={i === current ? 'active' : undefined}
            onClick={() => {
              setActive(i);
              onChoose(item.id);
            }}
          >
            <span className="item-text">{item.text}</span> <span className="item-detail">{item.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ElementListProps {
  view: GraphView;
  select: string | undefined;
  onChoose: (id: string) => void;
}

export function ElementList({ view, select, onChoose }: ElementListProps) {
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const actors: ListItem[] = view.nodes
    .map((n) => ({
      id: n.id,
      text: n.ended && n.kind !== 'event' ? `${n.label} †` : n.label,
      detail: `${ACTOR_KIND_LABELS[n.kind]}, ${FACTION_LABELS[n.faction]}${n.ended ? ', ended' : ''}`,
    }))
    .sort((a, b) => compareText(a.text.toLowerCase(), b.text.toLowerCase()));
  const ties: ListItem[] = view.edges
    .map((e) => {
      const when = e.past && !e.end ? 'ended with an actor' : formatPeriod(e.start, e.end);
      return {
        id: e.id,
        text: `${labels.get(e.source) ?? e.source} ${TIE_TYPE_INFO[e.type].label} ${labels.get(e.target) ?? e.target}`,
        detail: [e.role, when, e.past ? 'past' : '', e.grade ?? 'ungraded', e.disputed ? 'disputed' : ''].filter(Boolean).join(' · '),
      };
    })
    .sort((a, b) => compareText(a.text.toLowerCase(), b.text.toLowerCase()));
  return (
    <section className="map-list" aria-label={`The map as a list, as of ${formatPartialDate({ date: view.asOf, precision: 'day' })}`}>
      <KeyboardList label="Actors" items={actors} selected={select} onChoose={onChoose} />
      <KeyboardList label="Ties" items={ties} selected={select} onChoose={onChoose} />
    </section>
  );
}

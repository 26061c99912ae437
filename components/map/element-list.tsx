'use client';
// The map in words, beside the canvas: every actor and tie on it, as two listboxes. Arrow keys
// (and Home, End) move through a list, Enter or Space selects the item on the map.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ACTOR_KIND_LABELS, FACTION_LABELS, TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { compareText } from '@/lib/graph/adjacency';
import type { GraphView, ViewEdge, ViewNode } from '@/lib/graph/types';
import { formatPartialDate, formatPeriod } from '@/lib/domain/dates';

export interface ListItem {
  id: string;
  text: string;
  detail: string;
}

export interface KeyboardListProps {
  label: string;
  items: ListItem[];
  selected: string | undefined;
  onChoose: (id: string) => void;
}

/**
 * Above this many items only the rows in sight (and a margin) are in the document: a list of
 * tens of thousands of rows beside the canvas made every pan and zoom frame several times slower.
 * Smaller lists render whole, so a screen reader can browse them freely; windowed rows keep
 * aria-setsize and aria-posinset, and the active row is always rendered.
 */
const WINDOW_ABOVE = 500;
const ROW_PX = 24;
const LIST_PX = 260;
const MARGIN_ROWS = 30;

export function KeyboardList({ label, items, selected, onChoose }: KeyboardListProps) {
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const selectedIndex = items.findIndex((item) => item.id === selected);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const [followed, setFollowed] = useState(selected);
  const [scrollTop, setScrollTop] = useState(0);
  const windowed = items.length > WINDOW_ABOVE;
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
    const list = listRef.current;
    if (!list) return;
    if (windowed) {
      // The row may not exist yet: scroll by arithmetic, and the window follows.
      if (next * ROW_PX < list.scrollTop) list.scrollTop = next * ROW_PX;
      else if ((next + 1) * ROW_PX > list.scrollTop + list.clientHeight) list.scrollTop = (next + 1) * ROW_PX - list.clientHeight;
    } else {
      list.querySelector(`[id="${CSS.escape(optionId(next))}"]`)?.scrollIntoView({ block: 'nearest' });
    }
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

  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_PX) - MARGIN_ROWS) : 0;
  const last = windowed ? Math.min(items.length, Math.ceil((scrollTop + LIST_PX) / ROW_PX) + MARGIN_ROWS) : items.length;
  const shown: number[] = [];
  if (windowed && current >= 0 && current < first) shown.push(current);
  for (let i = first; i < last; i++) shown.push(i);
  if (windowed && current >= last) shown.push(current);

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
        onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
        className={windowed ? 'windowed' : undefined}
      >
        {windowed && <li role="presentation" style={{ height: first * ROW_PX }} />}
        {shown.map((i) => {
          const item = items[i]!;
          const outside = windowed && (i < first || i >= last);
          return (
            <li
              key={item.id}
              id={optionId(i)}
              role="option"
              aria-selected={item.id === selected}
              aria-setsize={items.length}
              aria-posinset={i + 1}
              className={[i === current ? 'active' : '', outside ? 'offscreen' : ''].filter(Boolean).join(' ') || undefined}
              onClick={() => {
                setActive(i);
                onChoose(item.id);
              }}
            >
              <span className="item-text">{item.text}</span> <span className="item-detail">{item.detail}</span>
            </li>
          );
        })}
        {windowed && <li role="presentation" style={{ height: (items.length - last) * ROW_PX }} />}
      </ul>
    </div>
  );
}

export interface ElementListProps {
  view: GraphView;
  select: string | undefined;
  onChoose: (id: string) => void;
}

interface KeyedItem {
  item: ListItem;
  /** Sort key, computed once per item, not once per comparison. */
  key: string;
}

/**
 * Rows by the view's node and edge objects: the map reuses one object per element and mark
 * (lib/graph/view-columns createViewMaterialiser), so a change of date or filter rebuilds no row
 * it has built before, and the list costs a sort of cached keys.
 */
const actorRows = new WeakMap<ViewNode, KeyedItem>();
const tieRows = new WeakMap<ViewEdge, KeyedItem>();

function keyed(item: ListItem): KeyedItem {
  return { item, key: item.text.toLowerCase() };
}

function actorRow(n: ViewNode): KeyedItem {
  let row = actorRows.get(n);
  if (!row) {
    row = keyed({
      id: n.id,
      text: n.ended && n.kind !== 'event' ? `${n.label} †` : n.label,
      detail: `${ACTOR_KIND_LABELS[n.kind]}, ${FACTION_LABELS[n.faction]}${n.ended ? ', ended' : ''}`,
    });
    actorRows.set(n, row);
  }
  return row;
}

function tieRow(e: ViewEdge, labels: ReadonlyMap<string, string>): KeyedItem {
  let row = tieRows.get(e);
  if (!row) {
    const when = e.past && !e.end ? 'ended with an actor' : formatPeriod(e.start, e.end);
    row = keyed({
      id: e.id,
      text: `${labels.get(e.source) ?? e.source} ${TIE_TYPE_INFO[e.type].label} ${labels.get(e.target) ?? e.target}`,
      detail: [e.role, when, e.past ? 'past' : '', e.grade ?? 'ungraded', e.disputed ? 'disputed' : ''].filter(Boolean).join(' · '),
    });
    tieRows.set(e, row);
  }
  return row;
}

function sortedItems(rows: KeyedItem[]): ListItem[] {
  return rows.sort((a, b) => compareText(a.key, b.key)).map((row) => row.item);
}

export function ElementList({ view, select, onChoose }: ElementListProps) {
  // Rebuilt only when the view changes: a selection or a hover must not re-sort thousands of rows.
  const { actors, ties } = useMemo(() => {
    const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
    return {
      actors: sortedItems(view.nodes.map(actorRow)),
      ties: sortedItems(view.edges.map((e) => tieRow(e, labels))),
    };
  }, [view]);
  return (
    <section className="map-list" aria-label={`The map as a list, as of ${formatPartialDate({ date: view.asOf, precision: 'day' })}`}>
      <KeyboardList label="Actors" items={actors} selected={select} onChoose={onChoose} />
      <KeyboardList label="Ties" items={ties} selected={select} onChoose={onChoose} />
    </section>
  );
}

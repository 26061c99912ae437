'use client';
// A large network's overview in words: every group with its members and inner ties, as a
// listbox beside the canvas. Choosing one (Enter, Space or a click) opens it, as on the canvas.
import { useMemo } from 'react';
import type { Overview } from '@/lib/graph/overview';
import { groupLabel, groupNodeId } from '@/lib/graph/overview-elements';
import { KeyboardList } from './element-list';

export interface GroupListProps {
  overview: Overview;
  onOpen: (key: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function GroupList({ overview, onOpen }: GroupListProps) {
  const items = useMemo(
    () =>
      overview.groups.map((g) => ({
        id: groupNodeId(g.key),
        text: groupLabel(g),
        detail: `${plural(g.members, 'actor', 'actors')}, ${plural(g.inner, 'tie', 'ties')} among them${g.key === overview.open ? ' · open' : ''}`,
      })),
    [overview],
  );
  return (
    <section className="map-list" aria-label="The overview as a list">
      <KeyboardList
        label="Groups"
        items={items}
        selected={overview.open ? groupNodeId(overview.open) : undefined}
        onChoose={(id) => onOpen(id.slice('group:'.length))}
      />
    </section>
  );
}

'use client';
// A text box that suggests actors as you type, matching every name variant in every script
// (lib/graph/search). ARIA combobox pattern: arrows move through the suggestions, Enter chooses,
// Escape closes.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchNodes, type SearchHit } from '@/lib/graph/search';
import type { GraphNode } from '@/lib/graph/types';

export interface ActorComboboxProps {
  label: string;
  nodes: readonly GraphNode[];
  onChoose: (node: GraphNode) => void;
  placeholder?: string;
  /** Text shown before typing, e.g. the chosen actor's name. */
  value?: string;
  /** Empty the box after a choice (search), or show the chosen name (path ends). */
  clearOnChoose?: boolean;
  limit?: number;
}

export function ActorCombobox({ label, nodes, onChoose, placeholder, value = '', clearOnChoose = false, limit = 8 }: ActorComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // A new value from outside (another control chose the actor) replaces what was typed.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }

  const hits: SearchHit[] = useMemo(() => (text.trim() ? searchNodes(nodes, text, limit) : []), [nodes, text, limit]);
  const expanded = open && hits.length > 0;

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    setOpen(false);
    setActive(0);
    setText(clearOnChoose ? '' : hit.node.label);
    onChoose(hit.node);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (hits.length ? (i + 1) % hits.length : 0));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (hits.length ? (i - 1 + hits.length) % hits.length : 0));
        break;
      case 'Enter':
        if (hits.length) {
          event.preventDefault();
          choose(hits[Math.min(active, hits.length - 1)]);
        }
        break;
      case 'Escape':
        setOpen(false);
        break;
    }
  }

  return (
    <div className="actor-combobox">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${Math.min(active, hits.length - 1)}` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded} className="combobox-options">
        {hits.map((hit, i) => (
          <li
            key={hit.node.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(hit);
            }}
          >
            <span className="option-label">{hit.node.label}</span>
            {hit.matched !== hit.node.label && <span className="option-matched"> · {hit.matched}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

'use client';
// A text box that suggests actors as you type, matching every name variant in every script
// (lib/graph/search). ARIA combobox pattern: arrows move through the suggestions, Enter chooses,
// Escape closes. With searchServer it also asks GET /api/actors?q= (the database's name index),
// so actors the browser does not hold can be found too. Suggestions are ranked by how well they
// match (exact, then prefix; lib/graph/pick-match), and Enter chooses by itself only a match that
// stands alone: with several equally good ones it opens the list and asks the person to choose.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { actorNodeId } from '@/lib/graph/build-view';
import { mergeHits, soleBestHit } from '@/lib/graph/pick-match';
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
  /**
   * Also search the server, after a pause in typing. Its matches follow the local ones, and
   * those the browser does not hold reach onChoose as nodes it may not have drawn (x and y null).
   */
  searchServer?: boolean;
}

/** Wait for a pause in typing this long before asking the server. */
const SERVER_SEARCH_DELAY_MS = 200;

/** The fields of GET /api/actors that a suggestion needs. */
interface ServerActor {
  slug: string;
  name: string;
  kind: GraphNode['kind'];
  faction: GraphNode['faction'];
  summary: string;
  start: GraphNode['start'];
  end: GraphNode['end'];
  matched: string | null;
}

function serverHit(a: ServerActor): SearchHit {
  const names = a.matched && a.matched !== a.name ? [a.matched] : [];
  const node: GraphNode = { id: actorNodeId(a.slug), slug: a.slug, label: a.name, kind: a.kind, faction: a.faction, summary: a.summary, start: a.start, end: a.end, names, x: null, y: null };
  return { node, matched: a.matched ?? a.name };
}

/** The server's matches for `text` once it answers; none while it has not (or cannot). */
function useServerHits(text: string, enabled: boolean, limit: number): SearchHit[] {
  const [answer, setAnswer] = useState<{ text: string; hits: SearchHit[] }>({ text: '', hits: [] });
  const q = text.trim();
  useEffect(() => {
    if (!enabled || !q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/actors?${new URLSearchParams({ q, limit: String(limit) })}`, { signal: controller.signal, headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? (response.json() as Promise<{ actors: ServerActor[] }>) : null))
        .then((body) => body && setAnswer({ text: q, hits: body.actors.map(serverHit) }))
        // Aborted by newer typing, signed out or offline: the local matches stand.
        .catch(() => undefined);
    }, SERVER_SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, enabled, limit]);
  return enabled && answer.text === q ? answer.hits : [];
}

export function ActorCombobox({ label, nodes, onChoose, placeholder, value = '', clearOnChoose = false, limit = 8, searchServer = false }: ActorComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const [open, setOpen] = useState(false);
  // The suggestion the person reached with the arrows (-1: none yet).
  const [active, setActive] = useState(-1);
  const [moved, setMoved] = useState(false);
  // Enter met several equally good matches: say so beside the open list.
  const [askToChoose, setAskToChoose] = useState(false);
  // A new value from outside (another control chose the actor) replaces what was typed.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }

  const localHits: SearchHit[] = useMemo(() => (text.trim() ? searchNodes(nodes, text, limit) : []), [nodes, text, limit]);
  // Only what the reader types is searched for, not a name shown in the box.
  const serverHits = useServerHits(open ? text : '', searchServer, limit);
  // Best match first wherever it came from: an exact name from the server outranks a local substring.
  const hits = useMemo(() => (serverHits.length ? mergeHits(localHits, serverHits, text, limit) : localHits), [localHits, serverHits, text, limit]);
  const expanded = open && hits.length > 0;
  // Until the arrows move, the highlighted suggestion is the one Enter would take: a match that
  // stands alone, or none when several match equally well.
  const sole = useMemo(() => soleBestHit(hits, text), [hits, text]);
  const current = moved ? Math.min(active, hits.length - 1) : sole ? hits.indexOf(sole) : -1;

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    setOpen(false);
    setActive(-1);
    setMoved(false);
    setAskToChoose(false);
    setText(clearOnChoose ? '' : hit.node.label);
    onChoose(hit.node);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setMoved(true);
        setActive(hits.length ? (current + 1) % hits.length : -1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setMoved(true);
        setActive(hits.length ? (current <= 0 ? hits.length - 1 : current - 1) : -1);
        break;
      case 'Enter':
        if (hits.length) {
          event.preventDefault();
          const chosen = hits[current];
          if (chosen) choose(chosen);
          else {
            setOpen(true);
            setAskToChoose(true);
          }
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
        aria-describedby={askToChoose && expanded ? `${listId}-ask` : undefined}
        aria-activedescendant={expanded && current >= 0 ? `${listId}-${current}` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          setMoved(false);
          setAskToChoose(false);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setAskToChoose(false);
        }}
        onKeyDown={onKeyDown}
      />
      {askToChoose && expanded && (
        <p id={`${listId}-ask`} className="combobox-ask" role="status">
          More than one actor matches “{text.trim()}”: choose one from the list.
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded} className="combobox-options">
        {hits.map((hit, i) => (
          <li
            key={hit.node.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
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

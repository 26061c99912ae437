'use client';
// What an import would do, before anything is written: the records it would create and update,
// and the choices the analyst can still change. For FollowTheMoney files, the schemas found and
// a faction rule per kind; for other tools' files, the attributes found and the mapping (which
// attribute gives the kind, faction, tie type, role, dates and strength, and what each value
// means); which of its actors are actors already here, and for those that may be, the analyst's
// "same as" or "new actor" (import-matches.tsx). The mapping and the choices are controlled here;
// the form sends them with the import.
import { ACTOR_KIND_LABELS, ACTOR_KINDS, CLAIM_STATUSES, FACTION_LABELS, FACTIONS, TIE_TYPE_INFO, TIE_TYPES, type ActorKind, type Faction } from '@/lib/domain/vocabulary';
import type { ImportPreview, PreviewAttribute } from '@/lib/validation/import-file';
import { ELEMENT_FIELDS, NODE_POSITION_SOURCES, TIE_DATE_SOURCES, type ImportMapping } from '@/lib/validation/import-mapping';
import type { ImportMatches } from '@/lib/validation/import-matches';
import styles from '../editing/editing.module.css';
import { ImportMatchesPanel } from './import-matches';

type Foreign = NonNullable<ImportPreview['foreign']>;
export type FtmFactionRules = Partial<Record<'person' | 'organization', Faction>>;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function ImportPreviewPanel({
  preview,
  mapping,
  onMappingChange,
  ftmFactions,
  onFtmFactionsChange,
  choices,
  onChoicesChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping | null;
  onMappingChange: (mapping: ImportMapping) => void;
  ftmFactions: FtmFactionRules;
  onFtmFactionsChange: (rules: FtmFactionRules) => void;
  choices: ImportMatches;
  onChoicesChange: (choices: ImportMatches) => void;
}) {
  const skipped = Object.entries(preview.skipped).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="import-preview-title" className={styles.panel}>
      <h2 id="import-preview-title">Preview of {preview.fileName}</h2>
      <p role="status">
        Nothing has been written yet. Importing would create {plural(preview.actors.create, 'actor')} and {plural(preview.ties.create, 'tie')}, and update{' '}
        {plural(preview.actors.update, 'actor')} and {plural(preview.ties.update, 'tie')} already here.
      </p>
      {preview.positions.inFile ? (
        <p>
          The file lays out {plural(preview.positions.inFile, 'actor')}: they are placed on the map where the file puts them.
          {preview.positions.placed
            ? ` ${plural(preview.positions.placed, 'of them is', 'of them are')} on the map already and ${preview.positions.placed === 1 ? 'keeps its' : 'keep their'} place, unless “Move actors already on the map” is ticked.`
            : ''}
        </p>
      ) : null}
      <ImportMatchesPanel matching={preview.matching} choices={choices} onChange={onChoicesChange} />
      {preview.ftm ? <FtmPreview ftm={preview.ftm} rules={ftmFactions} onChange={onFtmFactionsChange} /> : null}
      {preview.foreign && mapping ? <ForeignPreview foreign={preview.foreign} mapping={mapping} onChange={onMappingChange} /> : null}
      {skipped.length ? (
        <>
          <h3>Left out</h3>
          <ul aria-label="Left out">
            {skipped.map(([what, n]) => (
              <li key={what}>
                {what}: {n}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preview.warnings.length ? (
        <details>
          <summary>{plural(preview.warnings.length, 'warning')}</summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className={styles.buttons}>
        {/* Submits the import form above, which sends the choices made here. */}
        <button type="submit" form="import-form" className={styles.primary}>
          Import with these choices
        </button>
      </div>
    </section>
  );
}

function FtmPreview({ ftm, rules, onChange }: { ftm: NonNullable<ImportPreview['ftm']>; rules: FtmFactionRules; onChange: (rules: FtmFactionRules) => void }) {
  const schemas = Object.entries(ftm.schemas).sort(([, a], [, b]) => b - a);
  return (
    <>
      <table>
        <caption>FollowTheMoney entities by schema</caption>
        <thead>
          <tr>
            <th scope="col">Schema</th>
            <th scope="col">Entities</th>
          </tr>
        </thead>
        <tbody>
          {schemas.map(([schema, n]) => (
            <tr key={schema}>
              <th scope="row">{schema}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className={styles.fieldset}>
        <legend>Faction by kind</legend>
        <p className={styles.hint}>Blank: the faction for new actors chosen above.</p>
        <div className={styles.row}>
          {(['person', 'organization'] as const).map((kind) => (
            <FactionRule
              key={kind}
              kind={kind}
              count={ftm.kinds[kind] ?? 0}
              value={rules[kind]}
              onChange={(faction) => onChange({ ...rules, [kind]: faction })}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}

function FactionRule({ kind, count, value, onChange }: { kind: ActorKind; count: number; value: Faction | undefined; onChange: (faction: Faction | undefined) => void }) {
  const id = `import-faction-${kind}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        Faction for {ACTOR_KIND_LABELS[kind].toLowerCase()} actors ({count})
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.currentTarget.value || undefined) as Faction | undefined)}>
        <option value="">Same as the others</option>
        {FACTIONS.map((f) => (
          <option key={f} value={f}>
            {FACTION_LABELS[f]}
          </option>
        ))}
      </select>
    </div>
  );
}

function ForeignPreview({ foreign, mapping, onChange }: { foreign: Foreign; mapping: ImportMapping; onChange: (mapping: ImportMapping) => void }) {
  const nodes = (patch: Partial<ImportMapping['nodes']>) => onChange({ ...mapping, nodes: { ...mapping.nodes, ...patch } });
  const edges = (patch: Partial<ImportMapping['edges']>) => onChange({ ...mapping, edges: { ...mapping.edges, ...patch } });
  const nodeFields = [
    { value: ELEMENT_FIELDS.label, label: 'The node’s label' },
    { value: ELEMENT_FIELDS.id, label: 'The node’s id' },
    ...foreign.nodeAttributes.map((a) => ({ value: a.key, label: `Attribute “${a.key}”` })),
  ];
  const edgeFields = [
    { value: ELEMENT_FIELDS.label, label: 'The edge’s label' },
    { value: ELEMENT_FIELDS.weight, label: 'The edge’s weight' },
    ...foreign.edgeAttributes.map((a) => ({ value: a.key, label: `Attribute “${a.key}”` })),
  ];
  const valuesOf = (field: string | null, attributes: PreviewAttribute[], labels: string[] | null) =>
    field === null ? [] : field === ELEMENT_FIELDS.label ? labels : (attributes.find((a) => a.key === field)?.values ?? null);
  const kinds = (Object.keys(foreign.kinds) as ActorKind[]).sort((a, b) => ACTOR_KINDS.indexOf(a) - ACTOR_KINDS.indexOf(b));

  return (
    <>
      <p>
        The file holds {plural(foreign.nodes, 'node')} and {plural(foreign.edges, 'edge')}
        {foreign.title ? ` (“${foreign.title}”)` : ''}.{' '}
        {foreign.unmappedTieTypes ? `${plural(foreign.unmappedTieTypes, 'tie')} of no mapped type would be imported as “associate of”, needing review.` : ''}
      </p>
      <AttributesTable caption="Node attributes found" attributes={foreign.nodeAttributes} />
      <AttributesTable caption="Edge attributes found" attributes={foreign.edgeAttributes} />

      <fieldset className={styles.fieldset}>
        <legend>Actors</legend>
        <div className={styles.row}>
          <FieldSelect id="map-node-name" label="Name from" value={mapping.nodes.name} options={nodeFields} onChange={(name) => nodes({ name })} />
          <FieldSelect id="map-node-kind" label="Kind from" value={mapping.nodes.kind} options={nodeFields} onChange={(kind) => nodes({ kind })} />
          <VocabularySelect
            id="map-node-default-kind"
            label="Kind where none is given"
            value={mapping.nodes.defaultKind}
            options={ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }))}
            onChange={(defaultKind) => defaultKind && nodes({ defaultKind })}
          />
          <FieldSelect id="map-node-faction" label="Faction from" value={mapping.nodes.faction} options={nodeFields} onChange={(faction) => nodes({ faction })} />
          <FieldSelect id="map-node-summary" label="Summary from" value={mapping.nodes.summary} options={nodeFields} onChange={(summary) => nodes({ summary })} />
          <VocabularySelect
            id="map-node-positions"
            label="Positions from"
            value={mapping.nodes.positions}
            options={NODE_POSITION_SOURCES.map((p) => ({ value: p, label: POSITION_SOURCE_LABELS[p] }))}
            onChange={(positions) => positions && nodes({ positions })}
          />
          <VocabularySelect
            id="map-node-dates"
            label="Actor dates from"
            value={mapping.nodes.dates}
            options={TIE_DATE_SOURCES.map((d) => ({ value: d, label: DATE_SOURCE_LABELS[d] }))}
            onChange={(dates) => dates && nodes({ dates })}
          />
          {mapping.nodes.dates === 'attributes' ? (
            <>
              <FieldSelect id="map-node-start" label="Born or founded from" value={mapping.nodes.start} options={nodeFields} onChange={(start) => nodes({ start })} />
              <FieldSelect id="map-node-end" label="Died or dissolved from" value={mapping.nodes.end} options={nodeFields} onChange={(end) => nodes({ end })} />
            </>
          ) : null}
        </div>
        <ValueRows
          title="Kind of each value"
          what="Kind"
          values={valuesOf(mapping.nodes.kind, foreign.nodeAttributes, foreign.nodeLabels)}
          map={mapping.nodes.kindValues}
          options={ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }))}
          unmapped={`Not mapped (${ACTOR_KIND_LABELS[mapping.nodes.defaultKind]})`}
          onChange={(kindValues) => nodes({ kindValues })}
        />
        <ValueRows
          title="Faction of each value"
          what="Faction"
          values={valuesOf(mapping.nodes.faction, foreign.nodeAttributes, foreign.nodeLabels)}
          map={mapping.nodes.factionValues}
          options={FACTIONS.map((f) => ({ value: f, label: FACTION_LABELS[f] }))}
          unmapped="Not mapped (the rule by kind)"
          onChange={(factionValues) => nodes({ factionValues })}
        />
        <h3>Faction by kind</h3>
        <p className={styles.hint}>For actors whose faction the file does not give.</p>
        <div className={styles.row}>
          {kinds.map((kind) => (
            <FactionRule
              key={kind}
              kind={kind}
              count={foreign.kinds[kind] ?? 0}
              value={mapping.nodes.factionByKind[kind]}
              onChange={(faction) => nodes({ factionByKind: { ...mapping.nodes.factionByKind, [kind]: faction } })}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Ties</legend>
        <div className={styles.row}>
          <FieldSelect id="map-edge-type" label="Tie type from" value={mapping.edges.type} options={edgeFields} onChange={(type) => edges({ type })} />
          <FieldSelect id="map-edge-role" label="Role from" value={mapping.edges.role} options={edgeFields} onChange={(role) => edges({ role })} />
          <FieldSelect id="map-edge-strength" label="Strength from" value={mapping.edges.strength} options={edgeFields} onChange={(strength) => edges({ strength })} />
          <VocabularySelect
            id="map-edge-dates"
            label="Dates from"
            value={mapping.edges.dates}
            options={TIE_DATE_SOURCES.map((d) => ({ value: d, label: DATE_SOURCE_LABELS[d] }))}
            onChange={(dates) => dates && edges({ dates })}
          />
          {mapping.edges.dates === 'attributes' ? (
            <>
              <FieldSelect id="map-edge-start" label="Start from" value={mapping.edges.start} options={edgeFields} onChange={(start) => edges({ start })} />
              <FieldSelect id="map-edge-end" label="End from" value={mapping.edges.end} options={edgeFields} onChange={(end) => edges({ end })} />
            </>
          ) : null}
          <VocabularySelect
            id="map-edge-status"
            label="Claims of mapped ties"
            value={mapping.edges.claimStatus}
            options={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            onChange={(claimStatus) => claimStatus && edges({ claimStatus })}
          />
        </div>
        <ValueRows
          title="Tie type of each value"
          what="Tie type"
          values={valuesOf(mapping.edges.type, foreign.edgeAttributes, foreign.edgeLabels)}
          map={mapping.edges.typeValues}
          options={TIE_TYPES.map((t) => ({ value: t, label: TIE_TYPE_INFO[t].label }))}
          unmapped="Not mapped (associate of, needs review)"
          onChange={(typeValues) => edges({ typeValues })}
        />
      </fieldset>
    </>
  );
}

const POSITION_SOURCE_LABELS: Record<(typeof NODE_POSITION_SOURCES)[number], string> = {
  file: 'The file’s layout',
  none: 'Powermap’s layout',
};
const DATE_SOURCE_LABELS: Record<(typeof TIE_DATE_SOURCES)[number], string> = {
  spells: 'The file’s time intervals',
  attributes: 'Two attributes',
  none: 'No dates',
};
const STATUS_LABELS: Record<(typeof CLAIM_STATUSES)[number], string> = {
  accepted: 'Accepted',
  disputed: 'Disputed',
  needs_review: 'Needs review',
};

function AttributesTable({ caption, attributes }: { caption: string; attributes: PreviewAttribute[] }) {
  if (!attributes.length) return null;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Type</th>
          <th scope="col">Elements</th>
          <th scope="col">Examples</th>
        </tr>
      </thead>
      <tbody>
        {attributes.map((a) => (
          <tr key={a.key}>
            <th scope="row" dir="auto">
              {a.key}
            </th>
            <td>{a.type}</td>
            <td>{a.count}</td>
            <td dir="auto">{a.samples.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string | null; options: { value: string; label: string }[]; onChange: (value: string | null) => void }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">Nothing</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function VocabularySelect<T extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T | null) => void }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget.value || null) as T | null)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One select per distinct value of the chosen field: what that value means in Powermap. */
function ValueRows<T extends string>({
  title,
  what,
  values,
  map,
  options,
  unmapped,
  onChange,
}: {
  title: string;
  what: string;
  values: string[] | null;
  map: Record<string, T>;
  options: { value: T; label: string }[];
  unmapped: string;
  onChange: (map: Record<string, T>) => void;
}) {
  if (values === null) return <p className={styles.hint}>{title}: the field has too many distinct values to map one by one.</p>;
  if (!values.length) return null;
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Value in the file</th>
          <th scope="col">{what}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((value, i) => (
          <tr key={value}>
            <th scope="row" dir="auto">
              {value}
            </th>
            <td>
              <select
                aria-label={`${what} for “${value}”`}
                id={`map-${what.toLowerCase().replace(/\s+/g, '-')}-${i}`}
                value={map[value] ?? ''}
                onChange={(e) => {
                  const next = { ...map };
                  const chosen = e.currentTarget.value as T | '';
                  if (chosen) next[value] = chosen;
                  else delete next[value];
                  onChange(next);
                }}
              >
                <option value="">{unmapped}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

'use client';
// Every name an actor goes by, grouped by script and then language, each marked with its
// language so screen readers and fonts treat Belarusian as Belarusian. Generated
// transliterations say which schemes give them, and a reader can hide them to see only the
// names people and sources gave.
import { useId, useState } from 'react';
import { groupNameVariants, type NameVariantLike } from '@/lib/graph/name-variants';
import { TRANSLITERATION_SCHEMES, type TransliterationScheme } from '@/lib/domain/transliteration/schemes';
import styles from './profile.module.css';

const KIND_LABELS: Record<string, string> = { official: 'official', transliteration: 'transliteration', alias: 'short form or alias', former: 'former name' };

interface ProfileNameLike extends NameVariantLike {
  schemes?: readonly TransliterationScheme[];
}

function origin(n: ProfileNameLike): string {
  if (!n.schemes?.length) return KIND_LABELS[n.kind] ?? n.kind;
  return `generated: ${n.schemes.map((s) => TRANSLITERATION_SCHEMES[s].label).join('; ')}`;
}

export function NameVariants({ names }: { names: readonly ProfileNameLike[] }) {
  const [showGenerated, setShowGenerated] = useState(true);
  const toggleId = useId();
  const generatedCount = names.filter((n) => n.schemes?.length).length;
  const shown = showGenerated ? names : names.filter((n) => !n.schemes?.length);
  const scripts = groupNameVariants(shown);
  return (
    <>
      {generatedCount > 0 && (
        <p className={styles.nameToggle}>
          <input id={toggleId} type="checkbox" checked={showGenerated} onChange={(e) => setShowGenerated(e.target.checked)} />{' '}
          <label htmlFor={toggleId}>Show generated transliterations ({generatedCount})</label>
        </p>
      )}
      {scripts.length === 0 && <p className="muted">No other names recorded.</p>}
      {scripts.map((script) => (
        <div key={script.script} className={styles.nameScript}>
          <h3 className={styles.subhead}>{script.label}</h3>
          <dl className={styles.nameList}>
            {script.languages.map((language) => (
              <div key={language.lang}>
                <dt>{language.label}</dt>
                <dd>
                  <ul>
                    {language.names.map((n) => (
                      <li key={n.name}>
                        <span lang={`${n.lang}-${n.script}`}>{n.name}</span>{' '}
                        <span className={styles.nameKind}>({origin(n)})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

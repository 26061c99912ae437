// Every name an actor goes by, grouped by script and then language, each marked with its
// language so screen readers and fonts treat Belarusian as Belarusian.
import { groupNameVariants, type NameVariantLike } from '@/lib/graph/name-variants';
import styles from './profile.module.css';

const KIND_LABELS: Record<string, string> = { official: 'official', transliteration: 'transliteration', alias: 'short form or alias', former: 'former name' };

export function NameVariants({ names }: { names: readonly NameVariantLike[] }) {
  const scripts = groupNameVariants(names);
  if (scripts.length === 0) return <p className="muted">No other names recorded.</p>;
  return (
    <>
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
                        <span className={styles.nameKind}>({KIND_LABELS[n.kind] ?? n.kind})</span>
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

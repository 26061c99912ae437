// The timeline (Gantt) chart as plain HTML and SVG, drawn on the server: a table whose rows carry
// a name and a strip of bars, each bar a link to its tie with its dates in words (title and
// accessible name). Precision is drawn as lib/graph/timeline.ts's barShape says: fades across an
// imprecise month or year, points with an open side for "as of" dates, an arrow for an open end.
// /timeline and the profile's "Posts held" both draw this.
import Link from 'next/link';
import { isoToDayNumber, formatPartialDate } from '@/lib/domain/dates';
import { dayToX, type BarShape, type TimelineAxis, type TimelineGroup } from '@/lib/graph/timeline';
import styles from './timeline.module.css';

/** Width of a row's strip of bars, in pixels; the table scrolls sideways on a narrow screen. */
export const STRIP_WIDTH = 720;
const BAR_HEIGHT = 12;
const ROW_PAD = 5;
const VERSION_HEIGHT = 3;
const VERSION_GAP = 3;
const OPEN_TAIL = 14;

export interface TimelineChartProps {
  /** Distinguishes the gradients of two charts on one page. */
  id: string;
  groups: readonly TimelineGroup[];
  axis: TimelineAxis;
  /** ISO day of the date cursor, drawn across every row. */
  cursor?: string | null;
  /** The table's accessible name. */
  caption: string;
  /** The name column's heading ("Holder", "Actor", "Post"). */
  nameHeading: string;
  /** Words beside a group that has more ties than drawn ("12 more holders on the map"). */
  moreText?: (more: number) => string;
  /** Width of each strip of bars in pixels (a profile's column is narrower than the page). */
  stripWidth?: number;
}

function Shape({ shape, axis, width, y, height, className, fadeIds, disputed }: { shape: BarShape; axis: TimelineAxis; width: number; y: number; height: number; className: string; fadeIds: { in: string; out: string }; disputed?: boolean }) {
  const x = (day: number) => dayToX(day, axis, width);
  const solidFrom = shape.fadeIn ? shape.fadeIn.to : shape.from;
  const solidTo = shape.fadeOut ? shape.fadeOut.from : shape.to;
  const parts = [];
  if (shape.fadeIn) parts.push(<rect key="in" x={x(shape.fadeIn.from)} y={y} width={Math.max(1, x(shape.fadeIn.to) - x(shape.fadeIn.from))} height={height} fill={`url(#${fadeIds.in})`} />);
  if (solidTo > solidFrom) parts.push(<rect key="solid" className={`${className} ${disputed ? styles.disputedBar : ''}`} x={x(solidFrom)} y={y} width={Math.max(1.5, x(solidTo) - x(solidFrom))} height={height} />);
  if (shape.fadeOut) parts.push(<rect key="out" x={x(shape.fadeOut.from)} y={y} width={Math.max(1, x(shape.fadeOut.to) - x(shape.fadeOut.from))} height={height} fill={`url(#${fadeIds.out})`} />);
  return <>{parts}</>;
}

function OpenSides({ shape, axis, width, y }: { shape: BarShape; axis: TimelineAxis; width: number; y: number }) {
  const x = (day: number) => dayToX(day, axis, width);
  const mid = y + BAR_HEIGHT / 2;
  const left = x(shape.from);
  const right = x(shape.to);
  return (
    <>
      {shape.openStart ? <line className={styles.open} x1={Math.max(0, left - OPEN_TAIL)} x2={left} y1={mid} y2={mid} /> : null}
      {shape.openEnd ? <polygon className={styles.arrow} points={`${right},${y - 1} ${right + 7},${mid} ${right},${y + BAR_HEIGHT + 1}`} /> : null}
      {shape.points.map((day) => (
        <circle key={day} className={styles.point} cx={x(day)} cy={mid} r={4} />
      ))}
    </>
  );
}

export function TimelineChart({ id, groups, axis, cursor, caption, nameHeading, moreText, stripWidth = STRIP_WIDTH }: TimelineChartProps) {
  const STRIP = stripWidth;
  const fade = { in: `${id}-fade-in`, out: `${id}-fade-out` };
  const versionFade = { in: `${id}-vfade-in`, out: `${id}-vfade-out` };
  const cursorX = cursor ? dayToX(isoToDayNumber(cursor), axis, STRIP) : null;
  const gridLines = (height: number) => (
    <>
      {axis.ticks.map((t) => (
        <line key={t.day} className={styles.tick} x1={dayToX(t.day, axis, STRIP)} x2={dayToX(t.day, axis, STRIP)} y1={0} y2={height} />
      ))}
      {cursorX !== null ? <line className={styles.cursor} x1={cursorX} x2={cursorX} y1={0} y2={height} /> : null}
    </>
  );
  return (
    <div className={styles.scroller}>
      <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
        <defs>
          {[
            [fade, 'var(--accent)'],
            [versionFade, 'var(--warn-line)'],
          ].map(([ids, colour]) => (
            <g key={(ids as typeof fade).in}>
              <linearGradient id={(ids as typeof fade).in} x1="0" x2="1" y1="0" y2="0">
                <stop offset="0" stopColor={colour as string} stopOpacity="0.05" />
                <stop offset="1" stopColor={colour as string} stopOpacity="1" />
              </linearGradient>
              <linearGradient id={(ids as typeof fade).out} x1="0" x2="1" y1="0" y2="0">
                <stop offset="0" stopColor={colour as string} stopOpacity="1" />
                <stop offset="1" stopColor={colour as string} stopOpacity="0.05" />
              </linearGradient>
            </g>
          ))}
        </defs>
      </svg>
      <table className={styles.chart} aria-label={caption}>
        <thead>
          <tr>
            <th scope="col" className={styles.nameCell}>
              {nameHeading}
            </th>
            <th scope="col">
              <span className="visually-hidden">Period</span>
              <svg className={styles.strip} width={STRIP + 10} height={20} aria-hidden="true" focusable="false">
                {axis.ticks.map((t) => (
                  <text key={t.day} className={styles.tickLabel} x={dayToX(t.day, axis, STRIP) + 2} y={14}>
                    {t.label}
                  </text>
                ))}
                {cursorX !== null && cursor ? (
                  <text className={styles.cursorLabel} x={Math.min(cursorX + 3, STRIP - 70)} y={8}>
                    {formatPartialDate({ date: cursor, precision: 'day' })}
                  </text>
                ) : null}
              </svg>
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key} aria-label={group.title || undefined}>
            {group.title ? (
              <tr>
                <th colSpan={2} scope="rowgroup" className={styles.groupHead}>
                  {group.institution ? <Link href={`/actors/${encodeURIComponent(group.institution.slug)}`}>{group.title}</Link> : group.title}
                  {group.more > 0 ? <span className={styles.more}> · {moreText ? moreText(group.more) : `${group.more} more not drawn`}</span> : null}
                </th>
              </tr>
            ) : null}
            {group.rows.map((row) => {
              const versionCount = Math.max(0, ...row.bars.map((b) => b.versions.length));
              const height = ROW_PAD * 2 + BAR_HEIGHT + versionCount * (VERSION_HEIGHT + VERSION_GAP);
              return (
                <tr key={row.key} className={styles.row}>
                  <th scope="row" className={styles.nameCell}>
                    <Link href={row.href ?? `/actors/${encodeURIComponent(row.actor.slug)}`} title={row.label ?? row.actor.label}>
                      {row.label ?? row.actor.label}
                    </Link>
                  </th>
                  <td>
                    <svg className={styles.strip} width={STRIP + 10} height={height} role="group" aria-label={`${row.label ?? row.actor.label}: ${row.bars.length} ${row.bars.length === 1 ? 'bar' : 'bars'}`}>
                      {gridLines(height)}
                      {row.bars.map((bar) => (
                        <g key={bar.tie.tieId}>
                          <a href={`/ties/${encodeURIComponent(bar.tie.tieId)}`} className={styles.barLink} aria-label={bar.text}>
                            <title>{bar.text}</title>
                            <Shape shape={bar.shape} axis={axis} width={STRIP} y={ROW_PAD} height={BAR_HEIGHT} className={styles.bar} fadeIds={fade} disputed={bar.tie.disputed} />
                            <OpenSides shape={bar.shape} axis={axis} width={STRIP} y={ROW_PAD} />
                          </a>
                          {bar.versions.map((v, i) => (
                            <g key={i} role="img" aria-label={`Version: ${v.text}`}>
                              <title>{`Version: ${v.text}`}</title>
                              <Shape shape={v.shape} axis={axis} width={STRIP} y={ROW_PAD + BAR_HEIGHT + VERSION_GAP + i * (VERSION_HEIGHT + VERSION_GAP)} height={VERSION_HEIGHT} className={styles.version} fadeIds={versionFade} />
                            </g>
                          ))}
                        </g>
                      ))}
                    </svg>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <TimelineLegend id={id} />
    </div>
  );
}

/** What the marks mean, drawn with the same marks. */
export function TimelineLegend({ id }: { id: string }) {
  const swatch = (children: React.ReactNode) => (
    <svg width={36} height={14} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
  return (
    <ul className={styles.legend} aria-label="How dates are drawn">
      <li>{swatch(<rect className={styles.bar} x={2} y={2} width={32} height={10} />)}Known to the day</li>
      <li>{swatch(<rect x={2} y={2} width={32} height={10} fill={`url(#${id}-fade-in)`} />)}Known to the month or year: fades across it</li>
      <li>{swatch(<><line className={styles.open} x1={2} x2={16} y1={7} y2={7} /><circle className={styles.point} cx={18} cy={7} r={4} /></>)}&ldquo;As of&rdquo; a date: held then, perhaps before or after</li>
      <li>{swatch(<><rect className={styles.bar} x={2} y={2} width={24} height={10} /><polygon className={styles.arrow} points="26,1 33,7 26,13" /></>)}No end: still held today</li>
      <li>{swatch(<rect className={styles.version} x={2} y={6} width={32} height={3} />)}Disputed: another source&apos;s dates</li>
      <li>{swatch(<line className={styles.cursor} x1={18} x2={18} y1={0} y2={14} />)}Date cursor (the map&apos;s date)</li>
    </ul>
  );
}

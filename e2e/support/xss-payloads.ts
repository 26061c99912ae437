// A corpus of cross-site scripting payloads for e2e/xss.spec.ts. They go into actor names and
// name variants, tie roles, claim quotes, source titles and notes, and every page and the map must
// show them as inert text.
//
// Rules for every entry:
// - anything that could run, if it ever ran, sets `window.__xss = true` (or `parent.__xss` from a
//   frame, the same window), so a test proves that none ran by finding `window.__xss` undefined;
//   nothing calls alert(), so a stray dialog would be a finding of its own;
// - it fits the field it is meant for (lib/domain/records/*.ts: names ≤ 300, roles ≤ 200,
//   source titles ≤ 500, quotes ≤ 2000, notes ≤ 10000), and entries longer than 200 characters
//   are the deliberate long ones, sized to a field's limit;
// - no control characters (the validation refuses them by design; tabs are allowed and one is used)
//   and no leading or trailing whitespace (the validation trims it, so the text would not come back
//   exactly as sent).

/** Field limits, as in lib/domain/records/*.ts. */
export const XSS_FIELD_LIMITS = { name: 300, role: 200, title: 500, quote: 2000, note: 10_000 } as const;

const RUN = 'window.__xss=true';

/** `text` repeated up to exactly `length` characters, never ending in whitespace. */
function sized(text: string, length: number): string {
  let out = text.repeat(Math.ceil(length / text.length)).slice(0, length);
  while (/\s$/.test(out)) out = `${out.slice(0, -1)}.`;
  return out;
}

/** `window.__xss=true` with every character as a decimal HTML entity. */
const ENTITY_RUN = [...RUN].map((c) => `&#${c.charCodeAt(0)};`).join('');

const CLASSIC_SCRIPT = [
  `<script>${RUN}</script>`,
  `<SCRIPT>${RUN}</SCRIPT>`,
  `<ScRiPt>${RUN}</sCrIpT>`,
  `<script type="module">${RUN}</script>`,
  `<script>window['__xss']=true</script>`,
  `<script src="data:text/javascript,${RUN}"></script>`,
  `<<script>${RUN}//<</script>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `</script><script>${RUN}</script>`,
  `<script>/*</script><script>*/${RUN}</script>`,
  `<script\ttype="text/javascript">${RUN};</script>`,
];

const EVENT_HANDLERS = [
  `<img src=x onerror="${RUN}">`,
  `<img src=x onerror=${RUN}>`,
  `<IMG SRC=x OnErRoR=${RUN}>`,
  `<img/src=x/onerror=${RUN}>`,
  `<img src="x" onerror="window['__xss']=true">`,
  `<image src=x onerror=${RUN}>`,
  `<svg onload="${RUN}">`,
  `<svg/onload=${RUN}>`,
  `<SVG ONLOAD=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"></animate></svg>`,
  `<svg><set onbegin=${RUN} attributename=x to=1>`,
  `<body onload="${RUN}">`,
  `<iframe onload="${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=true</script>"></iframe>`,
  `<video><source onerror="${RUN}"></video>`,
  `<video src=x onerror=${RUN}>`,
  `<audio src=x onerror="${RUN}">`,
  `<input autofocus onfocus="${RUN}">`,
  `<select autofocus onfocus=${RUN}></select>`,
  `<textarea autofocus onfocus=${RUN}></textarea>`,
  `<details open ontoggle="${RUN}">`,
  `<marquee onstart="${RUN}">scrolling</marquee>`,
  `<div onmouseover="${RUN}">hover me</div>`,
  `<x onclick=${RUN}>click me</x>`,
  `<style onload="${RUN}"></style>`,
  `<link rel=stylesheet href=x onerror=${RUN}>`,
  `<object data=x onerror="${RUN}"></object>`,
  `<body onpageshow="${RUN}">`,
  `<div draggable="true" ondragstart="${RUN}">drag</div>`,
  `<form><button formaction="javascript:${RUN}">go</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="20" y="20">svg link</text></a></svg>`,
];

const ATTRIBUTE_AND_CONTEXT_BREAKOUTS = [
  `"><svg/onload=${RUN}>`,
  `'><img src=x onerror=${RUN}>`,
  `" onmouseover="${RUN}`,
  `' onfocus='${RUN}' autofocus='`,
  `"><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `</noscript><img src=x onerror=${RUN}>`,
  `</template><img src=x onerror=${RUN}>`,
  `--><script>${RUN}</script><!--`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `]]><script>${RUN}</script>`,
  `"></a><img src=x onerror=${RUN}>`,
  `';${RUN};//`,
  `";${RUN};//`,
  `\\";${RUN};//`,
  '`-window.__xss=true-`',
  `</script><svg onload=${RUN}>`,
];

const URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `javascript://%0A${RUN}`,
  `java\tscript:${RUN}`,
  `jav&#x09;ascript:${RUN}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${RUN}`,
  `vbscript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9dHJ1ZTwvc2NyaXB0Pg==',
  `data:image/svg+xml,<svg onload=${RUN}>`,
  `<a href="javascript:${RUN}">click me</a>`,
  `<a href="JAVASCRIPT:${RUN}">CLICK ME</a>`,
  `<a href="&#x6A;avascript:${RUN}">entity link</a>`,
  '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9dHJ1ZTwvc2NyaXB0Pg==">data link</a>',
  `<a href="vbscript:${RUN}">vb link</a>`,
  `<img src="javascript:${RUN}">`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<object data="data:text/html,<script>parent.__xss=true</script>"></object>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `https://example.org/"><img src=x onerror=${RUN}>`,
  `https://example.org/?q=<script>${RUN}</script>`,
  `http://example.org/#javascript:${RUN}`,
];

const ENCODED = [
  `&lt;script&gt;${RUN}&lt;/script&gt;`,
  `&#60;script&#62;${RUN}&#60;/script&#62;`,
  `&#x3C;img src=x onerror=${RUN}&#x3E;`,
  '%3Cscript%3Ewindow.__xss%3Dtrue%3C%2Fscript%3E',
  '%253Cscript%253Ewindow.__xss=true%253C/script%253E',
  `\\u003cscript\\u003e${RUN}\\u003c/script\\u003e`,
  `\\x3cscript\\x3e${RUN}\\x3c/script\\x3e`,
  `+ADw-script+AD4-${RUN}+ADw-/script+AD4-`,
  `<img src=x onerror=${ENTITY_RUN}>`,
  `<img src=x onerror="eval(atob('d2luZG93Ll9feHNzPXRydWU='))">`,
  `<img src=x onerror="eval('\\x77indow.__xss=true')">`,
  `<img src=x onerror="window['\\u005f\\u005fxss']=true">`,
  `<img src=x onerror="setTimeout('${RUN}')">`,
  `<img src=x onerror="Function('${RUN}')()">`,
  `＜script＞${RUN}＜/script＞`,
];

const TEMPLATE_AND_MARKUP_INJECTION = [
  `{{constructor.constructor('${RUN}')()}}`,
  `{{$on.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `#{${RUN}}`,
  `<%= ${RUN} %>`,
  `{{7*7}} [[7*7]] \${7*7}`,
  `<div v-html="'<img src=x onerror=${RUN}>'"></div>`,
  `<div ng-app ng-csp><div ng-click=$event.view.__xss=true>angular</div></div>`,
  `[markdown link](javascript:${RUN})`,
  `![markdown image](x" onerror="${RUN})`,
  `<![CDATA[<script>${RUN}</script>]]>`,
  `<?xml version="1.0"?><script>${RUN}</script>`,
  `{"__proto__":{"innerHTML":"<img src=x onerror=${RUN}>"}}`,
  `dangerouslySetInnerHTML={{__html:'<img src=x onerror=${RUN}>'}}`,
  // Cytoscape reads style values like these as mappers; as data they are only text.
  'data(id)',
  'mapData(strength, 0, 5, 10, 40)',
];

const CSS = [
  `<div style="width:expression(${RUN})">css expression</div>`,
  `<div style="background:url(javascript:${RUN})">css url</div>`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<style>body{background:url("javascript:${RUN}")}</style>`,
  `<style>*{x:expression(${RUN})}</style>`,
  `expression(${RUN})`,
  `url(javascript:${RUN})`,
  '</style><style>body{display:none}</style>',
];

const UNICODE_TRICKS = [
  `<scr\u200Bipt>${RUN}</scr\u200Bipt>`,
  `java\u200Bscript:${RUN}`,
  `<img src=x on\u200Derror=${RUN}>`,
  `\u202E<script>${RUN}</script>`,
  'Invoice \u202Etxt.exe',
  `\u2066isolate\u2069<img src=x onerror=${RUN}>`,
  `\uFE64script\uFE65${RUN}\uFE64/script\uFE65`,
  'Zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner',
  `<i\u0308mg src=x onerror=${RUN}>`,
  `<ѕcript>${RUN}</ѕcript>`,
  `👩\u200D💻<script>${RUN}</script>`,
  `line\u2028separator<script>${RUN}</script>\u2029paragraph`,
  `Лукашэнка<script>${RUN}</script>Łukašenka`,
];

const LONG = [
  sized(`<img src=x onerror=${RUN}>`, XSS_FIELD_LIMITS.name),
  sized(`"><svg/onload=${RUN}>`, XSS_FIELD_LIMITS.role),
  sized(`</title><script>${RUN}</script>`, XSS_FIELD_LIMITS.title),
  sized(`<script>${RUN}</script><iframe srcdoc="<script>parent.__xss=true</script>"></iframe>`, XSS_FIELD_LIMITS.quote),
  sized(`<a href="javascript:${RUN}">long note</a> https://example.org/"><img src=x onerror=${RUN}> `, XSS_FIELD_LIMITS.note),
];

/** Every payload, distinct, in a stable order. */
export const XSS_PAYLOADS: readonly string[] = [
  ...CLASSIC_SCRIPT,
  ...EVENT_HANDLERS,
  ...ATTRIBUTE_AND_CONTEXT_BREAKOUTS,
  ...URLS,
  ...ENCODED,
  ...TEMPLATE_AND_MARKUP_INJECTION,
  ...CSS,
  ...UNICODE_TRICKS,
  ...LONG,
];

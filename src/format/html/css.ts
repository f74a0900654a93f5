/** The report's colours. Every text colour is checked against the backgrounds it sits on (≥ 4.5:1). */
export const palette = {
  ink: '#0b0c0c',
  muted: '#505a5f',
  page: '#ffffff',
  panel: '#f3f2f1',
  rule: '#b1b4b6',
  link: '#1a5a96',
  banner: '#0b3a63',
  bannerInk: '#ffffff',
  bannerMuted: '#d6e4f0',
  errorInk: '#a8180d',
  errorTint: '#fdeeec',
  errorWash: '#fef7f6',
  errorBadge: '#a8180d',
  errorBadgeInk: '#ffffff',
  warnInk: '#6b4500',
  warnTint: '#fff4d1',
  warnWash: '#fffaeb',
  warnBadge: '#f8a01c',
  warnBadgeInk: '#0b0c0c',
  okInk: '#00703c',
  okTint: '#e6f2ec',
  targetTint: '#fff7bf',
  focus: '#ffdd00',
} as const;

/** Text/background pairs the stylesheet actually uses, for the contrast test. */
export const contrastPairs: ReadonlyArray<readonly [keyof typeof palette, keyof typeof palette]> = [
  ['ink', 'page'], ['muted', 'page'], ['link', 'page'],
  ['ink', 'panel'], ['muted', 'panel'], ['link', 'panel'],
  ['bannerInk', 'banner'], ['bannerMuted', 'banner'],
  ['ink', 'errorTint'], ['ink', 'errorWash'], ['muted', 'errorWash'], ['link', 'errorWash'], ['muted', 'errorTint'], ['link', 'errorTint'], ['errorInk', 'errorTint'], ['errorInk', 'page'],
  ['ink', 'warnTint'], ['ink', 'warnWash'], ['muted', 'warnWash'], ['link', 'warnWash'], ['muted', 'warnTint'], ['link', 'warnTint'], ['warnInk', 'warnTint'], ['warnInk', 'page'],
  ['errorBadgeInk', 'errorBadge'], ['warnBadgeInk', 'warnBadge'],
  ['okInk', 'okTint'], ['ink', 'targetTint'], ['link', 'targetTint'], ['ink', 'focus'],
];

const p = palette;

/** The whole stylesheet, inlined into the page so the report needs nothing from the network. */
export const css = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;font-size:100%;line-height:1.45;color:${p.ink};background:${p.page};-webkit-text-size-adjust:100%}
body{margin:0}
a{color:${p.link};text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid ${p.focus};outline-offset:0;box-shadow:0 0 0 6px ${p.ink}}
a:focus-visible{background:${p.focus};color:${p.ink};box-shadow:0 4px 0 ${p.ink};outline:none;text-decoration:none}
.skip{position:absolute;left:-9999px;top:0;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:10}
.wrap{max-width:90rem;margin:0 auto;padding:0 1.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}

header.banner{background:${p.banner};color:${p.bannerInk};padding:1.25rem 0 1.5rem}
header.banner .brand{margin:0 0 .25rem;font-size:.875rem;letter-spacing:.08em;text-transform:uppercase;color:${p.bannerMuted};font-weight:600}
header.banner h1{margin:0;font-size:2rem;line-height:1.2}
header.banner .generated{margin:.5rem 0 0;color:${p.bannerMuted}}
header.banner .totals{margin:.75rem 0 0;font-size:1.125rem}
header.banner .totals strong{font-weight:700}

nav.files{border-bottom:1px solid ${p.rule};padding:.75rem 0}
nav.files .nav-title{font-weight:700;margin:0 0 .25rem}
nav.files ol{margin:0;padding-left:1.25rem}
nav.files li{margin:.125rem 0}

.filter{position:sticky;top:0;z-index:5;background:${p.page};border-bottom:1px solid ${p.rule};box-shadow:0 2px 4px rgba(11,12,12,.08)}
.filter .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding-top:.5rem;padding-bottom:.5rem}
.filter fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem}
.filter legend{float:left;font-weight:700;margin-right:.5rem}
.filter label{display:inline-flex;align-items:center;gap:.375rem;padding:.25rem .75rem .25rem .5rem;border:2px solid ${p.rule};border-radius:2rem;cursor:pointer;background:${p.page}}
.filter input{width:1.125rem;height:1.125rem;margin:0;accent-color:${p.banner}}
.filter label:has(input:checked){border-color:${p.banner};background:${p.panel};font-weight:700}
.filter label:has(input:focus-visible){outline:3px solid ${p.focus};box-shadow:0 0 0 6px ${p.ink}}
.filter input:focus-visible{outline:none;box-shadow:none}
.filter .status{margin:0;color:${p.muted}}

main{display:block;padding-bottom:3rem}
section.file{padding-top:1.5rem;margin-top:1.5rem;border-top:4px solid ${p.banner}}
section.file:first-child{border-top:0;margin-top:0}
section.file>h2{font-size:1.75rem;line-height:1.2;margin:0}
section.file>.kicker{font-size:1rem;font-weight:600;color:${p.muted};margin:0 0 .125rem}
h3{font-size:1.25rem;margin:2rem 0 .5rem}
.inspection{font-size:1.125rem;margin:.375rem 0 0}
dl.meta{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:1rem 0 0}
dl.meta div{min-width:10rem}
dl.meta dt{font-size:.875rem;color:${p.muted};font-weight:600}
dl.meta dd{margin:0}
.path{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}

.summary{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start;margin-top:1.25rem}
.tiles{display:flex;gap:.75rem;margin:0;padding:0;list-style:none}
.tile{min-width:9rem;padding:.625rem 1rem;border-left:6px solid ${p.rule};background:${p.panel}}
.tile .n{display:block;font-size:2.25rem;font-weight:700;line-height:1.1}
.tile.sev-error{border-color:${p.errorBadge};background:${p.errorTint};color:${p.errorInk}}
.tile.sev-warn{border-color:${p.warnBadge};background:${p.warnTint};color:${p.warnInk}}
.tile.ok{border-color:${p.okInk};background:${p.okTint};color:${p.okInk}}
table.by-rule{border-collapse:collapse;min-width:18rem}
table.by-rule caption{text-align:left;font-weight:700;padding-bottom:.25rem}
table.by-rule tbody th{font-weight:400}
table.by-rule th,table.by-rule td{padding:.25rem .75rem .25rem 0;border-bottom:1px solid ${p.rule};text-align:left}
table.by-rule td.num,table.by-rule th.num{text-align:right;font-variant-numeric:tabular-nums}

.badge{display:inline-flex;align-items:center;gap:.3rem;padding:.05rem .5rem .05rem .4rem;border-radius:.25rem;font-size:.8125rem;font-weight:700;line-height:1.5;white-space:nowrap;vertical-align:baseline}
.badge svg{width:.875rem;height:.875rem;flex:none}
.badge.sev-error{background:${p.errorBadge};color:${p.errorBadgeInk}}
.badge.sev-warn{background:${p.warnBadge};color:${p.warnBadgeInk}}

.notes{margin:.5rem 0 0;padding:0;list-style:none}
.note{margin:.375rem 0 0;padding:.375rem .5rem .375rem .625rem;border-left:4px solid;background:${p.page};font-size:.9375rem;break-inside:avoid}
.note.sev-error{border-color:${p.errorBadge}}
.note.sev-warn{border-color:${p.warnBadge}}
.meta-line{display:block;font-size:.8125rem;color:${p.muted};margin-top:.125rem}

.plan-level{padding:.75rem 1rem;background:${p.panel};border-left:6px solid ${p.banner}}
.plan-level h3{margin-top:0}
.clean{padding:.75rem 1rem;background:${p.okTint};color:${p.okInk};font-weight:600;border-left:6px solid ${p.okInk}}
.fatal{padding:.75rem 1rem;background:${p.errorTint};border-left:6px solid ${p.errorBadge}}
.fatal p{margin:.25rem 0}

table.findings{border-collapse:collapse;width:100%}
table.findings caption,table.plan caption{text-align:left;color:${p.muted};padding-bottom:.5rem}
table.findings th,table.findings td{text-align:left;vertical-align:top;padding:.4rem .75rem .4rem 0;border-bottom:1px solid ${p.rule}}
table.findings thead th{border-bottom:2px solid ${p.ink};font-size:.875rem}
table.findings .where{white-space:nowrap}
table.findings .rule{font-size:.875rem}
table.findings td.loc{white-space:nowrap;color:${p.muted};font-size:.875rem}

table.plan{border-collapse:collapse;width:100%;table-layout:fixed}
table.plan thead th{position:relative;text-align:left;vertical-align:bottom;font-size:.875rem;padding:.5rem;border-bottom:2px solid ${p.ink};background:${p.panel}}
table.plan tbody{border-top:2px solid ${p.muted}}
table.plan th,table.plan td{vertical-align:top;text-align:left;padding:.5rem;border-bottom:1px solid ${p.rule}}
table.plan tbody tr:last-child>*{border-bottom:0}
table.plan tbody,table.plan tr,.plan-level,table.findings tr{scroll-margin-top:5rem}
table.plan .c-no{width:4.5rem}
table.plan .c-rec{width:24%}
table.plan .c-agr{width:7.5rem}
table.plan .c-act{width:auto}
table.plan .c-own{width:13%}
table.plan .c-due{width:8.5rem}
table.plan tbody th.c-no{font-size:1.25rem}
.stick{position:sticky;top:4.5rem}
table.plan td{overflow-wrap:anywhere}
.refs{display:block;font-size:.8125rem;font-weight:400;color:${p.muted}}
.addressee{display:block;font-size:.8125rem;font-weight:600;color:${p.muted};margin-bottom:.25rem}
.act-no{display:block;font-size:.8125rem;font-weight:600;color:${p.muted}}
.none{font-style:italic;color:${p.muted}}
.due-status{display:block;font-size:.8125rem;color:${p.muted}}
.rec-text{margin:0}
details.response{margin-top:.5rem;font-size:.9375rem}
details.response summary{cursor:pointer;color:${p.link}}

table.plan tr.hit-error>td:not(.c-rec):not(.c-agr),table.plan td.c-rec.hit-error{background:${p.errorWash}}
table.plan tr.hit-warn:not(.hit-error)>td:not(.c-rec):not(.c-agr),table.plan td.c-rec.hit-warn:not(.hit-error){background:${p.warnWash}}
table.plan tr.hit-error>td.c-act,table.plan td.c-rec.hit-error{box-shadow:inset 5px 0 0 ${p.errorBadge}}
table.plan tr.hit-warn:not(.hit-error)>td.c-act,table.plan td.c-rec.hit-warn:not(.hit-error){box-shadow:inset 5px 0 0 ${p.warnBadge}}
table.plan .flag-error{background:${p.errorTint}!important;outline:2px solid ${p.errorBadge};outline-offset:-3px}
table.plan .flag-warn:not(.flag-error){background:${p.warnTint}!important;outline:2px dashed ${p.warnInk};outline-offset:-3px}

tbody:target>tr>*,tr:target>*,.plan-level:target{background:${p.targetTint}!important}

[data-show="error"] .finding.sev-warn,[data-show="warn"] .finding.sev-error{display:none!important}
[data-show="error"] table.plan tr.hit-warn:not(.hit-error)>td,[data-show="error"] table.plan td.hit-warn:not(.hit-error),[data-show="error"] table.plan .flag-warn:not(.flag-error){background:none!important;box-shadow:none!important;outline:none}
[data-show="warn"] table.plan tr.hit-error:not(.hit-warn)>td,[data-show="warn"] table.plan td.hit-error:not(.hit-warn),[data-show="warn"] table.plan .flag-error:not(.flag-warn){background:none!important;box-shadow:none!important;outline:none}

section.reading-notes{margin-top:2rem;padding:.75rem 1rem;background:${p.panel};border-left:6px solid ${p.rule};color:${p.muted}}
section.reading-notes h3{margin-top:0;color:${p.ink}}
section.reading-notes ul{margin:.5rem 0;padding-left:1.25rem}
footer.foot{border-top:1px solid ${p.rule};padding:1rem 0 2rem;color:${p.muted};font-size:.875rem}

@media (max-width:60em){
  .wrap{padding:0 1rem}
  .filter{position:static}
  .stick{position:static}
  table.plan,table.plan thead,table.plan tbody,table.plan tr,table.plan th,table.plan td{display:block;width:auto!important}
  table.plan thead{position:absolute;left:-9999px}
  table.plan tbody{border-top:4px solid ${p.banner};margin-top:1rem}
  table.plan caption,table.findings caption{display:block}
  table.plan th.c-no .stick::before{content:"Rec "}
  table.findings,table.findings tbody,table.findings tr,table.findings td{display:block}
  table.findings thead{position:absolute;left:-9999px}
  table.findings tr{padding:.5rem 0;border-bottom:1px solid ${p.rule}}
  table.findings td{border:0;padding:.125rem 0}
  table.findings td:first-child,table.findings td.where{display:inline-block;margin-right:.5rem}
  table.findings td.rule,table.findings td.loc{display:inline-block;margin-right:.75rem}
  table.plan td[data-label]::before{content:attr(data-label);display:block;font-size:.75rem;font-weight:700;text-transform:uppercase;color:${p.muted}}
}

@media print{
  @page{size:A4 landscape;margin:12mm}
  html{font-size:10pt;background:none}
  .filter,.skip,nav.files{display:none!important}
  header.banner{background:none;color:${p.ink};border-bottom:3px solid ${p.ink};padding:0 0 .5rem}
  header.banner .brand,header.banner .generated{color:${p.muted}}
  .wrap{max-width:none;padding:0}
  .stick{position:static}
  *{print-color-adjust:economy;-webkit-print-color-adjust:economy}
  table.plan td,table.plan th,.tile,.plan-level,.clean,.fatal,tbody:target>tr>*,tr:target>*{background:none!important}
  table.plan thead th{background:none}
  table.plan .flag-error,table.plan .flag-warn:not(.flag-error){background:none!important}
  details.response summary{display:none}
  details.response::details-content{content-visibility:visible;display:block}
  .badge.sev-error,.badge.sev-warn{background:none;color:${p.ink};border:1.5px solid ${p.ink}}
  tr,.note,.tile,table.by-rule{break-inside:avoid}
  h2,h3{break-after:avoid}
  section.file{break-before:page;border-top:0}
  section.file:first-child{break-before:auto}
  a{color:${p.ink};text-decoration:none}
}
`;

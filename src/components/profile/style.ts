/** The profile's own styles; the site adds its theme, the briefing adds a page frame. */
export const profileCss = `
.profile .who { margin: 0.2rem 0; max-width: none; }
.profile .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.6rem; margin: 0.8rem 0; }
.profile .card { border: 1px solid #ccc; border-radius: 4px; padding: 0.4rem 0.6rem; margin: 0; }
.profile .card h2 { font-size: 0.8rem; margin: 0 0 0.2rem; font-weight: 600; color: #555; }
.profile .card p { margin: 0.2rem 0 0; font-size: 0.8rem; color: #555; }
.profile .big { font-size: 1.3rem; font-weight: 600; }
.profile .big-badge { font-size: 1.1rem; font-weight: 600; }
.profile .big-badge .grade-badge { white-space: normal; }
.profile table { border-collapse: collapse; width: 100%; font-size: 0.85rem; max-width: none; }
.profile th, .profile td { text-align: left; padding: 0.15rem 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
.profile thead th { font-weight: 600; border-bottom: 1px solid #999; }
.profile .num { text-align: right; white-space: nowrap; }
.profile tr.group th { font-weight: 600; font-style: italic; color: #555; }
.profile tr.earlier td, .profile tr.earlier th { color: #666; }
.profile tr.own th, .profile tr.own td { background: #f3f3f3; }
.profile .muted { color: #666; }
.profile code { font-size: 0.9em; }
.profile .dir { white-space: nowrap; font-weight: 600; }
.profile .js .j { display: inline-block; margin-right: 0.6rem; white-space: nowrap; }
.profile .j-name { color: #555; }
.profile .notice { border-left: 4px solid #b2182b; padding: 0.3rem 0.6rem; background: #fbeaea; }
.profile .enquiry { margin: 0.2rem 0; }
.profile .scroll { overflow-x: auto; }
.profile .timeline { max-width: 760px; display: block; margin: 0.3rem 0; }
.profile .tl-label, .profile .tl-year { font: 10px sans-serif; fill: #333; }
.profile .tl-letter { font: bold 9px sans-serif; fill: #111; }
.profile .tl-light { fill: #fff; }
.profile .tl-row { stroke: #e4e4e4; }
.profile .tl-tick { stroke: #ccc; }
.profile .tl-asat { stroke: #000; stroke-dasharray: 3 2; }
.profile .grade-badge { display: inline-flex; align-items: center; gap: 0.3em; white-space: nowrap; }
.profile .grade-swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #333; }
.profile .grade-none { color: #666; font-style: italic; }
.profile .profile-footer { margin-top: 1rem; border-top: 1px solid #999; font-size: 0.75rem; color: #444; }
.profile .profile-footer p { max-width: none; margin: 0.3rem 0; }
.profile h2 { margin: 1rem 0 0.3rem; font-size: 1.05rem; }
@media (max-width: 640px) {
  .profile .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .profile .timeline { min-width: 560px; }
  .profile table.themes, .profile table.history { min-width: 620px; }
}
@media print {
  .profile { font-size: 8pt; }
  .profile .cards { gap: 0.3rem; margin: 0.4rem 0; }
  .profile .big { font-size: 11pt; }
  .profile .big-badge { font-size: 10pt; }
  .profile table { font-size: 7pt; line-height: 1.2; }
  .profile th, .profile td { padding: 0.03rem 0.25rem; }
  .profile h2 { font-size: 10pt; margin: 0.35rem 0 0.1rem; break-after: avoid; }
  .profile .caption { font-size: 7pt; max-width: none; }
  .profile .profile-footer { font-size: 6.5pt; margin-top: 0.4rem; }
  .profile tr, .profile table.neighbours-table, .profile .timeline { break-inside: avoid; }
  .profile a { color: inherit; text-decoration: none; }
  .profile .grade-swatch, .profile .timeline rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

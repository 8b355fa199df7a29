/**
 * The badge and card styles, inside each badge's closed shadow root: page CSS cannot reach in,
 * and ours cannot leak out. Colour always comes with an icon and a word (WCAG 1.4.1); the
 * colour pairs meet 4.5:1 contrast.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: baseline; margin: 0 0 0 4px; }
.badge {
  display: inline-flex; align-items: center; gap: 4px; max-width: 22em;
  padding: 0 6px; border: 1px solid currentColor; border-radius: 9px;
  font: 12px/18px system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
  white-space: nowrap; cursor: pointer; user-select: none;
}
.badge:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.icon { font-weight: 700; width: 1em; text-align: center; }
.grade { font-weight: 600; }
.sep { opacity: .6; }
.verdict { overflow: hidden; text-overflow: ellipsis; }
.s-pass { color: #116329; background: #dafbe1; }
.s-review { color: #7d4e00; background: #fff4c5; }
.s-fail { color: #a40e26; background: #ffebe9; }
.s-not_found { color: #424a53; background: #f6f8fa; }
.s-unavailable { color: #424a53; background: #eef1f4; border-style: dashed; }
.s-invalid { color: #6e32c9; background: #fbefff; }
.s-checking, .s-idle { color: #424a53; background: #ffffff; }
.s-ambiguous { color: #0a4fa3; background: #ddf4ff; }
.s-checking .icon { display: inline-block; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .s-checking .icon { animation: none; } }

.card {
  position: fixed; inset: auto; margin: 0; z-index: 2147483647;
  width: 360px; max-width: calc(100vw - 16px); max-height: min(70vh, 520px); overflow: auto;
  box-sizing: border-box; padding: 12px 14px; border: 1px solid #d0d7de; border-radius: 8px;
  background: #fff; color: #1f2328; box-shadow: 0 8px 24px rgba(31, 35, 40, .2);
  font: 13px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; text-align: left;
}
.card[hidden] { display: none; }
.card h2 { margin: 0 0 2px; font-size: 15px; line-height: 1.35; word-break: break-all; }
.card h3 { margin: 10px 0 4px; font-size: 12px; color: #59636e; font-weight: 600; }
.card ul { margin: 0; padding: 0 0 0 1.1em; }
.card li { margin: 2px 0; }
.card .code { font-family: ui-monospace, Consolas, monospace; color: #59636e; font-size: 12px; }
.card .muted { color: #59636e; font-size: 12px; }
.card .row { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.card .verdict-line { display: inline-flex; gap: 6px; align-items: center; padding: 2px 8px; border-radius: 6px; font-weight: 600; }
.card .cite { color: #59636e; font-size: 12px; }
.card .sev-bar { color: #a40e26; }
.card .sev-review, .card .sev-missing { color: #7d4e00; }
.card .actions { margin: 8px 0 2px; display: flex; gap: 8px; flex-wrap: wrap; }
.card button {
  font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328;
}
.card button:hover { background: #eef1f4; }
.card button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.card button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.card .candidates button { display: block; width: 100%; text-align: left; margin: 4px 0; }
`;

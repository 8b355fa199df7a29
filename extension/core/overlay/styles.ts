/**
 * The card frame's styles: the one-line preview and the card, light and dark
 * (`prefers-color-scheme`). The frame is an extension page, so page CSS cannot reach in.
 * Colour always comes with an icon and a word (WCAG 1.4.1); every text/background pair meets
 * 4.5:1 contrast in both schemes (test/e2e/hostile-render.test.ts measures them).
 */
export const BADGE_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d0d7de; --btn: #f6f8fa; --btn-hover: #eef1f4; --accent: #0b57d0; --accent-fg: #ffffff;
  --pass-fg: #116329; --pass-bg: #dafbe1; --review-fg: #7d4e00; --review-bg: #fff4c5; --fail-fg: #a40e26; --fail-bg: #ffebe9;
  --grey-fg: #424a53; --grey-bg: #eef1f4; --invalid-fg: #6e32c9; --invalid-bg: #fbefff; --info-fg: #0a4fa3; --info-bg: #ddf4ff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #161b22; --line: #3d444d; --btn: #21262d; --btn-hover: #30363d; --accent: #4493f8; --accent-fg: #0d1117;
    --pass-fg: #7ee787; --pass-bg: #12261e; --review-fg: #e3b341; --review-bg: #2e2410; --fail-fg: #ff9492; --fail-bg: #301417;
    --grey-fg: #c9d1d9; --grey-bg: #262c36; --invalid-fg: #d2a8ff; --invalid-bg: #271a3c; --info-fg: #a5d6ff; --info-bg: #102a46; }
}
html, body { margin: 0; padding: 0; height: 100%; background: transparent; }
body { font: 13px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); }
#app { height: 100%; }
.s-pass { color: var(--pass-fg); background: var(--pass-bg); }
.s-review { color: var(--review-fg); background: var(--review-bg); }
.s-fail { color: var(--fail-fg); background: var(--fail-bg); }
.s-not_found, .s-checking, .s-idle { color: var(--grey-fg); background: var(--grey-bg); }
.s-unavailable { color: var(--grey-fg); background: var(--grey-bg); }
.s-invalid { color: var(--invalid-fg); background: var(--invalid-bg); }
.s-ambiguous { color: var(--info-fg); background: var(--info-bg); }

.preview {
  box-sizing: border-box; height: 100%; display: flex; align-items: center; gap: 8px; padding: 0 10px;
  border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); white-space: nowrap; overflow: hidden;
}
.preview .chip { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 9px; border: 1px solid currentColor; flex: none; max-width: 70%; overflow: hidden; }
.preview .verdict { font-weight: 700; font-size: 14px; overflow: hidden; text-overflow: ellipsis; }
.preview .icon { font-weight: 700; }
.preview .sep { opacity: .7; }
.preview .grade { font-weight: 400; }
.preview .name { color: var(--muted); overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.preview.s-pass, .preview.s-review, .preview.s-fail, .preview.s-not_found, .preview.s-checking, .preview.s-idle,
.preview.s-unavailable, .preview.s-invalid, .preview.s-ambiguous, .preview.s-consent, .preview.s-eligible,
.preview.s-ineligible, .preview.s-incomplete, .preview.s-error { background: var(--bg); color: var(--fg); }
.preview.s-pass .chip { color: var(--pass-fg); background: var(--pass-bg); }
.preview.s-review .chip { color: var(--review-fg); background: var(--review-bg); }
.preview.s-fail .chip { color: var(--fail-fg); background: var(--fail-bg); }
.preview.s-invalid .chip { color: var(--invalid-fg); background: var(--invalid-bg); }
.preview.s-ambiguous .chip { color: var(--info-fg); background: var(--info-bg); }
.preview.s-not_found .chip, .preview.s-checking .chip, .preview.s-idle .chip, .preview.s-unavailable .chip { color: var(--grey-fg); background: var(--grey-bg); }
.preview.s-unavailable .chip { border-style: dashed; }

.card {
  box-sizing: border-box; height: 100%; overflow: auto; padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--bg); color: var(--fg); text-align: left; outline: none;
}
.card h2 { margin: 6px 0 2px; font-size: 14px; line-height: 1.35; word-break: break-all; font-weight: 600; }
.card h3 { margin: 10px 0 4px; font-size: 12px; color: var(--muted); font-weight: 600; }
.card ul { margin: 0; padding: 0 0 0 1.1em; }
.card li { margin: 2px 0; }
.card .code { font-family: ui-monospace, Consolas, monospace; color: var(--muted); font-size: 12px; }
.card .muted, .card .cite, .card .scale { color: var(--muted); font-size: 12px; }
.card .eyebrow { color: var(--muted); font-size: 12px; }
.card .verdict-line { display: inline-flex; gap: 6px; align-items: center; padding: 2px 8px; border-radius: 6px; font-weight: 700; }
.card .verdict-line.big { font-size: 17px; padding: 4px 10px; border: 1px solid currentColor; }
.card .grade { font-weight: 400; }
.card .sev-bar { color: var(--fail-fg); }
.card .sev-review, .card .sev-missing { color: var(--review-fg); }
.card .actions { margin: 8px 0 2px; display: flex; gap: 8px; flex-wrap: wrap; }
.card button {
  font: inherit; font-size: 12px; padding: 3px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--line); background: var(--btn); color: var(--fg);
}
.card button:hover { background: var(--btn-hover); }
.card button:focus-visible, .card input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.card button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.card .candidates button { display: block; width: 100%; text-align: left; margin: 4px 0; }
`;

/**
 * Starts an extension page once its language is known, and keeps `<html lang>` in step with
 * the settings (screen readers pick their voice from it).
 */
import { setLanguage } from '../i18n.ts';
import { loadSettings, watchSettings } from '../settings.ts';
import './page-strings.ts';

/**
 * Sets the language from the settings, then renders.
 */
export function mountPage(renderPage: () => void): void {
  const apply = (language: 'zh-CN' | 'en') => {
    setLanguage(language);
    document.documentElement.lang = language;
  };
  void loadSettings().then((s) => {
    apply(s.language);
    renderPage();
  });
  watchSettings((s) => apply(s.language));
}

/** The translate function for the current language (from the settings in the app store). */
import { useCallback } from 'react';
import { useApp } from '../state/store';
import { translate, type Lang } from './i18n';
import type { MessageKey } from './messages';

export type TFunc = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): TFunc {
  const lang = useApp((s) => s.settings.lang);
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}

export function useLang(): Lang {
  return useApp((s) => s.settings.lang);
}

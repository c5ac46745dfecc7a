/** The locale the Content Manager shows, from `?plugins[i18n][locale]=` in the current URL. */
export const currentCmLocale = (): string | null => {
  if (typeof window === 'undefined') return null;
  const params = new URLSearchParams(window.location.search);
  return params.get('plugins[i18n][locale]');
};

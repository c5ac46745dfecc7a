import * as React from 'react';

// A tiny in-page signal: bulk actions and the side panel announce trust changes, list cells refetch.
const listeners = new Set<() => void>();

export const announceTrustChange = () => listeners.forEach((listener) => listener());

export const useTrustChangeVersion = () => {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return version;
};

// A link out of Powermap, only ever to an http(s) address; anything else is shown as text.
import type { ReactNode } from 'react';
import { isWebUrl } from './format';

export function WebLink({ url, children }: { url: string | null; children?: ReactNode }) {
  if (!isWebUrl(url)) return url ? <span>{children ?? url}</span> : null;
  return (
    <a href={url} rel="noopener noreferrer nofollow external">
      {children ?? url}
    </a>
  );
}

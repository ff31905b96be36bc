import { Suspense, lazy, useState } from 'react';
import { Icon } from '../ui';
import { Button } from '../ui';

// The dialog's code loads when it is first opened: most visits never share.
const ShareDialog = lazy(() => import('../dialogs/ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** "Share": opens a dialog with the link to the plan as it is now. */
export function ShareButton() {
  const [link, setLink] = useState<string>();
  return (
    <>
      <Button
        variant="primary"
        onClick={() =>
          // The link's code loads with the first share.
          void import('../io/share').then((m) => m.makeShareLink()).then(setLink)
        }
      >
        <Icon name="share" />
        Share
      </Button>
      {link !== undefined && (
        <Suspense fallback={null}>
          <ShareDialog link={link} onClose={() => setLink(undefined)} />
        </Suspense>
      )}
    </>
  );
}

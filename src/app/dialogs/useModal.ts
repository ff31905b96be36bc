import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A modal <dialog> of the app: shown when it mounts; Escape and `close` both close it and tell
 * the dialog host (`onDone`), which unmounts it.
 */
export function useModal(onDone: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  const close = () => {
    ref.current?.close();
    onDone();
  };
  const onCancel = (e: SyntheticEvent<HTMLDialogElement>) => {
    e.preventDefault();
    close();
  };
  return { ref, close, onCancel };
}

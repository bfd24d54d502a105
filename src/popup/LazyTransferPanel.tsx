/** Import/export code (CSV parser, DOMPurify, exporters) loads only when the panel opens: the list opens faster. */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { t } from '../i18n/t';
import { failed, type Feedback } from './actions';

type Props = { feedback: Feedback; onClose: () => void };

export function LazyTransferPanel(props: Props) {
  const [Panel, setPanel] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    import('./TransferPanel').then((m) => setPanel(() => m.TransferPanel), failed(props.feedback));
  }, []);
  return Panel ? <Panel {...props} /> : <p class="notice" role="status">{t('loading')}</p>;
}

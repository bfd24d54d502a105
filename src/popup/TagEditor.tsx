/** Editing tags: one item's full list, or tags to add to every selected item. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { parseTags } from './format';

export interface TagEditorProps {
  readonly mode: 'set' | 'add';
  readonly initial: readonly string[];
  readonly onSave: (tags: string[]) => void;
  readonly onCancel: () => void;
}

export function TagEditor(p: TagEditorProps) {
  const [value, setValue] = useState(p.initial.join(', '));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="panel"
      data-unwrap="tag-editor"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave(parseTags(value));
      }}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), p.onCancel())}
    >
      <label class="panel-label">
        {t('editTags')}
        <input ref={input} type="text" value={value} placeholder={t('tagsHint')} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <p class="hint">{t('tagsHint')}</p>
      <div class="panel-actions">
        <button type="button" class="btn" onClick={p.onCancel}>{t('cancel')}</button>
        <button type="submit" class="btn btn-primary">{p.mode === 'add' ? t('tagsAdd') : t('tagsSave')}</button>
      </div>
    </form>
  );
}

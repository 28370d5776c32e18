import { html, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/index.js';

export interface SourceHandlers {
  onFile(file: File): void;
  onText(text: string): void;
}

/** Whether a file looks like CSV by its name or type (the content is checked by the rules). */
export function looksLikeCsv(file: File): boolean {
  return (
    /\.csv$/i.test(file.name) ||
    file.type === 'text/csv' ||
    file.type === 'application/vnd.ms-excel'
  );
}

/**
 * Where the CSV comes from: a file picker, drag and drop onto the zone, or pasted text; plus the
 * template to start from.
 */
export function renderSource(
  l: Localizer,
  templateUrl: string,
  dragging: boolean,
  on: SourceHandlers & { onDragState(active: boolean): void },
): TemplateResult {
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) on.onFile(file);
    input.value = '';
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    on.onDragState(false);
    const file = e.dataTransfer?.files[0];
    if (file) on.onFile(file);
    else {
      const text = e.dataTransfer?.getData('text/plain');
      if (text) on.onText(text);
    }
  };
  const paste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    on.onText(text);
  };
  const applyTyped = (e: Event) => {
    const area = (e.target as HTMLElement).closest('.source')?.querySelector('textarea');
    if (area?.value.trim()) on.onText(area.value);
  };
  return html`<div class="source" part="source">
    <div
      class="drop ${dragging ? 'dragging' : ''}"
      part="drop-zone"
      @dragenter=${(e: DragEvent) => {
        e.preventDefault();
        on.onDragState(true);
      }}
      @dragover=${(e: DragEvent) => e.preventDefault()}
      @dragleave=${() => on.onDragState(false)}
      @drop=${drop}
      @paste=${paste}
    >
      <p class="hint">${l.t('bulk.drop.hint')}</p>
      <div class="field">
        <label for="file">${l.t('bulk.drop.label')}</label>
        <input id="file" type="file" part="file-input" accept=".csv,text/csv" @change=${pick} />
      </div>
    </div>
    <div class="field">
      <label for="paste">${l.t('bulk.paste.label')}</label>
      <textarea
        id="paste"
        part="paste"
        rows="3"
        spellcheck="false"
        placeholder="email,role,phone_number"
        @paste=${paste}
      ></textarea>
      <div><button type="button" @click=${applyTyped}>${l.t('bulk.paste.apply')}</button></div>
    </div>
    <p>
      <a part="template" href=${templateUrl} download=${l.t('bulk.templateFileName')}
        >${l.t('bulk.template')}</a
      >
    </p>
  </div>`;
}

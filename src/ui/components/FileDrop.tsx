// Pick a file with the button or drop it on the zone. The file is only read in this browser.
import { createSignal, createUniqueId, type Component, type JSX } from 'solid-js';
import { t } from '../i18n';

export interface FileDropProps {
  /** Visible label of the file input. */
  label: string;
  /** e.g. '.tsv,.txt' — a hint to the picker only; dropped files are not filtered. */
  accept?: string;
  onFile?: (file: File) => void;
  /** Take every file picked or dropped (with `multiple`) instead of the first. */
  onFiles?: (files: File[]) => void;
  multiple?: boolean;
  /** Extra text under the label (allowed types, size). */
  children?: JSX.Element;
  testId?: string;
}

export const FileDrop: Component<FileDropProps> = (props) => {
  const id = createUniqueId();
  const [dragging, setDragging] = createSignal(false);

  const take = (files: FileList | null | undefined) => {
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    if (props.onFiles) props.onFiles(props.multiple ? list : list.slice(0, 1));
    else props.onFile?.(list[0]);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer?.files);
  };

  return (
    <div
      class="drop-zone"
      classList={{ dragging: dragging() }}
      data-testid={props.testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label for={id}>{props.label}</label>
      <p class="hint">{t('ここにファイルをドロップするか、ボタンで選択してください。', 'Drop a file here or choose it with the button.')}</p>
      {props.children}
      <input
        id={id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        onChange={(e) => {
          take(e.currentTarget.files);
          // Let the same file be chosen again after it was edited on disk.
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
};
